import { describe, expect, it } from 'vitest';
import { redact } from '../../main/helpdesk/redact';

const context = { homeDir: '/home/ada', userName: 'ada', hireName: 'Ada Lovelace' };

describe('helpdesk redaction', () => {
  it('replaces the home folder, login name, hire name and e-mail addresses, deep inside', () => {
    const out = redact(
      {
        evidence: [{ process: 'code', cmdline: '/home/ada/bin/tool --user ada --mail ada@example.com' }],
        who: 'Ada Lovelace (ADA LOVELACE)',
        nested: { list: ['ada', 'adam', 'canada'] },
      },
      context,
    );
    expect(out).toEqual({
      evidence: [{ process: 'code', cmdline: '~/bin/tool --user <user> --mail <email>' }],
      who: '<hire> (<hire>)',
      nested: { list: ['<user>', 'adam', 'canada'] },
    });
  });

  it('drops biometric, signed and secret fields wherever they are', () => {
    const out = redact(
      {
        a: {
          face: { frames: ['/9j/x'] },
          faceDescriptor: [0.1],
          jws: 'x.y.z',
          privateKey: 'k',
          liveness: {},
        },
        keep: 1,
      },
      context,
    );
    expect(out).toEqual({ a: {}, keep: 1 });
  });

  it('leaves numbers, booleans and nulls, and does not mangle short names', () => {
    expect(
      redact({ n: 1, b: true, z: null, s: 'al is here' }, { homeDir: '/', userName: 'al', hireName: null }),
    ).toEqual({
      n: 1,
      b: true,
      z: null,
      s: 'al is here',
    });
  });
});
