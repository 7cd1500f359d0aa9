import { describe, expect, it } from 'vitest';
import { enrolCodeFromArgv, enrolCodeFromLink } from '../../main/app/deep-link';
import { launchOptions } from '../../main/app/launch-options';
import { claimSingleInstance, type InstanceApp } from '../../main/app/single-instance';

describe('the enrolment deep link', () => {
  it('takes the code from hireproof://enrol?code=…, normalised', () => {
    expect(enrolCodeFromLink('hireproof://enrol?code=abcd-efgh-jkmn-pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it.each([
    'hireproof://enrol?code=letmein',
    'hireproof://enrol',
    'hireproof://reset?code=ABCD-EFGH-JKMN-PQRS',
    'https://enrol?code=ABCD-EFGH-JKMN-PQRS',
    'hireproof:enrol',
    '%%%',
  ])('ignores %s', (link) => {
    expect(enrolCodeFromLink(link)).toBeNull();
  });

  it('finds the link among command-line arguments (Windows, Linux, second instance)', () => {
    expect(
      enrolCodeFromArgv([
        '/opt/HireProof/hireproof',
        '--hidden',
        'hireproof://enrol?code=ABCD-EFGH-JKMN-PQRS',
      ]),
    ).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(enrolCodeFromArgv(['/opt/HireProof/hireproof'])).toBeNull();
  });
});

describe('launch options', () => {
  it('reads the app flags and leaves Chromium switches alone', () => {
    expect(
      launchOptions(['--helpdesk', '--enable-logging', '--server=https://hr.example.com'], {}, true),
    ).toEqual({
      view: 'helpdesk',
      hidden: false,
      server: 'https://hr.example.com',
      sysroot: undefined,
    });
    expect(
      launchOptions(['/app/path', '--server', 'https://hr.example.com', 'hireproof://enrol'], {}, true)
        .server,
    ).toBe('https://hr.example.com');
    expect(launchOptions(['--hidden'], { HIREPROOF_SERVER: 'https://hr.example.com' }, true)).toMatchObject({
      view: 'onboarding',
      hidden: true,
      server: 'https://hr.example.com',
    });
  });

  it('refuses --sysroot in a packaged app', () => {
    expect(() => launchOptions(['--sysroot=/tmp/pikvm'], {}, true)).toThrow(/development builds only/);
    expect(launchOptions(['--sysroot=/tmp/pikvm'], {}, false).sysroot).toBe('/tmp/pikvm');
  });
});

describe('single instance', () => {
  const fakeApp = (locked: boolean) => {
    const app = {
      quits: 0,
      secondInstance: null as ((event: unknown, argv: string[]) => void) | null,
      requestSingleInstanceLock: () => locked,
      quit: () => void (app.quits += 1),
      on: (_event: 'second-instance', listener: (event: unknown, argv: string[]) => void) =>
        void (app.secondInstance = listener),
    };
    return app satisfies InstanceApp;
  };

  it('quits a second copy', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quits).toBe(1);
  });

  it("hands a second launch's arguments (a deep link) to the first", () => {
    const app = fakeApp(true);
    const seen: string[][] = [];
    expect(claimSingleInstance(app, (argv) => seen.push(argv))).toBe(true);
    app.secondInstance?.({}, ['hireproof', 'hireproof://enrol?code=ABCD-EFGH-JKMN-PQRS']);
    expect(seen).toEqual([['hireproof', 'hireproof://enrol?code=ABCD-EFGH-JKMN-PQRS']]);
    expect(app.quits).toBe(0);
  });
});
