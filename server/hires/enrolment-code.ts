import { randomInt } from 'node:crypto';
import { ENROLMENT_CODE_ALPHABET } from '../../main/contract/protocol';
import { hashSecret } from '../auth/secrets';

/** A one-time code: 16 symbols from a 31-letter alphabet (~79 bits), shown once, stored hashed. */
export function newEnrolmentCode(): { code: string; hash: string } {
  const symbols = Array.from(
    { length: 16 },
    () => ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)],
  );
  const code = [0, 4, 8, 12].map((i) => symbols.slice(i, i + 4).join('')).join('-');
  return { code, hash: hashSecret(code) };
}
