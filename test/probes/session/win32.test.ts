import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { parseQwinsta, sessionFromWin32 } from '../../../main/probes/session/parse-win32';
import { recordedText } from '../../support/replay-host';

const session = (scenario: string) =>
  sessionFromWin32(decodeJson(recordedText('win32', scenario, 'session.json'), 'test'));

describe('Windows session from SESSIONNAME, SM_REMOTESESSION and qwinsta', () => {
  it('sees an RDP session from all three', () => {
    const rdp = session('rdp-session');
    expect(rdp.env).toEqual({ SESSIONNAME: 'RDP-Tcp#0' });
    expect(rdp.flags).toEqual([
      { name: 'SM_REMOTESESSION', on: true, source: 'SystemInformation.TerminalServerSession' },
    ]);
    expect(rdp.loginSessions).toEqual([
      { id: 'console (1)', remote: false, remoteHost: null, service: 'console', type: 'Conn', user: null },
      {
        id: 'rdp-tcp#0 (2)',
        remote: true,
        remoteHost: null,
        service: 'rdp-tcp',
        type: 'Active, this session',
        user: 'dana',
      },
    ]);
  });

  it('sees a console session as local', () => {
    const local = session('clean-laptop');
    expect(local.loginSessions.some((s) => s.remote)).toBe(false);
    expect(local.flags[0]?.on).toBe(false);
  });

  it('reads a localised header and a disconnected session without a name', () => {
    const german =
      ' SITZUNGSNAME      BENUTZERNAME             ID  STATUS  TYP         GERÄT \r\n' +
      '>console           jonas                     1  Aktiv                       \r\n' +
      '                   gast                      2  Getr.                       \r\n';
    expect(parseQwinsta(german).map((s) => [s.id, s.user, s.remote])).toEqual([
      ['console (1)', 'jonas', false],
      ['2', 'gast', false],
    ]);
    expect(parseQwinsta('')).toEqual([]);
  });

  describe('on real qwinsta captures (test/fixtures/recorded/manifest.json)', () => {
    const rows = (scenario: string) =>
      session(scenario).loginSessions.map((s) => [s.id, s.user, s.type, s.remote]);

    it('keeps the digits a user name ends in, and the id and state after it', () => {
      const jump = rows('qwinsta-jumphost-digit-users');
      expect(jump).toContainEqual(['2', 't1_user.name5', 'Disc', false]);
      expect(jump).toContainEqual(['7', 't1_user.name4', 'Disc', false]);
      expect(jump).toContainEqual(['rdp-tcp#59 (8)', 't2_hire.person', 'Active, this session', true]);
      expect(jump).toHaveLength(9);
    });

    it('reads a Chinese qwinsta whose columns do not line up with its header, listener left out', () => {
      expect(rows('qwinsta-zh-cn-rdp')).toEqual([
        ['rdp-tcp#0 (1)', 'hireusr', '运行中, this session', true],
        ['console (3)', null, '已连接', false],
      ]);
    });

    it('reads an RDP session beside an active console, and a console session alone', () => {
      expect(rows('qwinsta-printspoofer-rdp')).toEqual([
        ['console (1)', 'Administrator', 'Active', false],
        ['rdp-tcp#3 (3)', 'lab-user', 'Active, this session', true],
      ]);
      expect(rows('qwinsta-htb-console')).toEqual([['console (1)', 'forend', 'Active, this session', false]]);
    });
  });
});
