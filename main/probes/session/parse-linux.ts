import type { LoginSession } from './session';

/** The variables that tell how a desktop or shell is reached; everything else stays private. */
const SESSION_KEYS =
  /^(SSH_CONNECTION|SSH_CLIENT|SSH_TTY|XRDP_SESSION|XRDP_SOCKET_PATH|CHROME_REMOTE_DESKTOP_SESSION|NX_TEMP|NXSESSIONID|VNCDESKTOP|RFB_PORT|DISPLAY|WAYLAND_DISPLAY|XDG_SESSION_TYPE|XDG_SESSION_ID|SESSIONNAME)$/;

export function parseEnviron(raw: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

export function sessionEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => SESSION_KEYS.test(e[0]) && e[1] !== undefined),
  );
}

/** /run/systemd/sessions/N is KEY=VALUE lines written by systemd-logind. */
export function parseLogindSession(id: string, text: string): LoginSession | null {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1));
  }
  if (fields.size === 0) return null;
  const leader = Number(fields.get('LEADER'));
  return {
    ...(Number.isInteger(leader) && leader > 0 ? { leader } : {}),
    id,
    remote: fields.get('REMOTE') === '1',
    remoteHost: fields.get('REMOTE_HOST') ?? null,
    service: fields.get('SERVICE') ?? null,
    type: fields.get('TYPE') ?? null,
    user: fields.get('USER') ?? null,
  };
}
