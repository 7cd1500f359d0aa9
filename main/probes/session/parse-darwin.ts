import type { SocketInfo } from '../sockets/socket';
import type { LoginSession, SessionInfo } from './session';

/** Ports Apple's screen sharing / Remote Management serve a viewer on. */
const SCREEN_SHARING_PORTS = new Set([5900, 3283]);

/** `who`: user, tty, date; a login from another host ends with `(host)`. */
export function parseWho(text: string): LoginSession[] {
  const sessions: LoginSession[] = [];
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
    const match = /^(\S+)\s+(\S+)\s+.*?(?:\(([^)]*)\))?\s*$/.exec(line);
    if (!match || line.trim() === '') continue;
    const from = match[3]?.trim() ?? '';
    const remote = from !== '' && !/^:\d/.test(from);
    sessions.push({
      id: match[2] ?? '',
      remote,
      remoteHost: remote ? from : null,
      service: null,
      type: match[2] === 'console' ? 'console' : 'tty',
      user: match[1] ?? null,
    });
  }
  return sessions;
}

/** `env`: KEY=VALUE lines (a value spanning lines is cut at the first, which is enough here). */
export function parseEnvLines(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && /^\w+$/.test(line.slice(0, eq)))
      env[line.slice(0, eq)] = line.slice(eq + 1).replace(/\r$/, '');
  }
  return env;
}

/** A viewer connected to the screen-sharing server right now. */
export function screenSharingViewers(sockets: readonly SocketInfo[]): LoginSession[] {
  const listening = new Set(sockets.filter((s) => s.state === 'listen').map((s) => s.localPort));
  return sockets
    .filter(
      (s) => s.state === 'established' && SCREEN_SHARING_PORTS.has(s.localPort) && listening.has(s.localPort),
    )
    .map((s) => ({
      id: `screen sharing :${s.localPort}`,
      remote: true,
      remoteHost: `${s.remoteAddress}:${s.remotePort}`,
      service: 'vnc',
      type: 'screen sharing',
      user: null,
    }));
}

/**
 * Screen Sharing is on when launchd's override for com.apple.screensharing says enabled (it ships
 * disabled); Remote Management when its kickstart switch file says so.
 */
export function screenSharingFlags(
  overrides: ReadonlyMap<string, boolean>,
  remoteManagementSwitch: string | null,
): SessionInfo['flags'] {
  const screenSharingDisabled = overrides.get('com.apple.screensharing') ?? true;
  return [
    {
      name: 'Screen Sharing',
      on: !screenSharingDisabled,
      source: 'launchctl print-disabled system: com.apple.screensharing',
    },
    {
      name: 'Remote Management',
      on: remoteManagementSwitch?.trim() === 'enabled',
      source: 'RemoteManagement.launchd',
    },
  ];
}
