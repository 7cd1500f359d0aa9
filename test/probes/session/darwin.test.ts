import { describe, expect, it } from 'vitest';
import { parseDisabledOverrides } from '../../../main/probes/services/parse-darwin';
import {
  parseEnvLines,
  parseWho,
  screenSharingFlags,
  screenSharingViewers,
} from '../../../main/probes/session/parse-darwin';
import { parseNetstatTcp } from '../../../main/probes/sockets/parse-darwin';
import { recordedText } from '../../support/replay-host';

describe('macOS session', () => {
  it('reads local and remote logins from who', () => {
    expect(parseWho(recordedText('darwin', 'clean-macbook', 'who.txt')).every((s) => !s.remote)).toBe(true);
    expect(parseWho('alex     ttys004  Jun 12 10:02 (198.51.100.9)\n')).toEqual([
      { id: 'ttys004', remote: true, remoteHost: '198.51.100.9', service: null, type: 'tty', user: 'alex' },
    ]);
  });

  it('turns Screen Sharing and Remote Management on from their switches', () => {
    const overrides = parseDisabledOverrides(
      recordedText('darwin', 'anydesk-screensharing', 'launchctl-print-disabled.txt'),
    );
    expect(screenSharingFlags(overrides, 'enabled\n').map((f) => [f.name, f.on])).toEqual([
      ['Screen Sharing', true],
      ['Remote Management', true],
    ]);
    expect(screenSharingFlags(new Map(), null).some((f) => f.on)).toBe(false);
  });

  it('finds the viewer connected to screen sharing', () => {
    const viewers = screenSharingViewers(
      parseNetstatTcp(recordedText('darwin', 'anydesk-screensharing', 'netstat-anv-tcp.txt')),
    );
    expect(viewers).toEqual([
      expect.objectContaining({ remote: true, remoteHost: '203.0.113.77:61544', service: 'vnc' }),
    ]);
  });

  it('reads env lines', () => {
    expect(parseEnvLines('SSH_CONNECTION=198.51.100.9 50022 192.168.1.23 22\nBAD LINE\n')).toEqual({
      SSH_CONNECTION: '198.51.100.9 50022 192.168.1.23 22',
    });
  });
});
