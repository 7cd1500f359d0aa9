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
});
