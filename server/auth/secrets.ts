import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret with a recognisable prefix, and the only form in which it is stored. */
export const newSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
