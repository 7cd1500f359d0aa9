import type { SocketInfo, SocketState } from './socket';

const STATES: Record<string, SocketState> = { LISTEN: 'listen', ESTABLISHED: 'established' };

/** Header words, with the two-word column names kept whole so they line up with row fields. */
function headerColumns(line: string): string[] {
  return line
    .replace('Local Address', 'Local-Address')
    .replace('Foreign Address', 'Foreign-Address')
    .trim()
    .split(/\s+/);
}

/** `127.0.0.1.5900`, `*.5900`, `fe80::1%lo0.5900`, `*.*`: the port follows the last dot. */
function splitEndpoint(endpoint: string, ipv6: boolean): { address: string; port: number } | null {
  const dot = endpoint.lastIndexOf('.');
  if (dot <= 0) return null;
  const host = endpoint.slice(0, dot);
  const port = endpoint.slice(dot + 1);
  if (port !== '*' && !/^\d+$/.test(port)) return null;
  return { address: host === '*' ? (ipv6 ? '::' : '0.0.0.0') : host, port: port === '*' ? 0 : Number(port) };
}

/**
 * `netstat -anv -p tcp`. Its columns differ across macOS releases: older ones print `pid epid`,
 * macOS 14+ prints `process:pid` (the name may hold spaces) followed by fixed-width flag columns,
 * so the owner is found from the header, not from a fixed position. Rows that do not parse are skipped.
 */
export function parseNetstatTcp(text: string): SocketInfo[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines.find((l) => l.startsWith('Proto'));
  if (!header) return [];
  const columns = headerColumns(header);
  const processColumn = columns.indexOf('process:pid');
  const pidColumn = columns.indexOf('pid');
  const trailing = processColumn >= 0 ? columns.length - processColumn - 1 : 0;
  const sockets: SocketInfo[] = [];
  for (const line of lines) {
    const fields = line.trim().split(/\s+/);
    const [proto = '', , , local = '', remote = '', state = ''] = fields;
    if (!/^tcp(4|6|46)?$/.test(proto)) continue;
    const ipv6 = proto.includes('6');
    const l = splitEndpoint(local, ipv6);
    const r = splitEndpoint(remote, ipv6);
    if (!l || !r) continue;
    let pid: number | null = null;
    let process: string | null = null;
    if (processColumn >= 0 && fields.length > processColumn + trailing) {
      const owner = /^(.*):(\d+)$/.exec(fields.slice(processColumn, fields.length - trailing).join(' '));
      if (owner) {
        process = owner[1] || null;
        pid = Number(owner[2]);
      }
    } else if (pidColumn >= 0 && /^\d+$/.test(fields[pidColumn] ?? '')) {
      pid = Number(fields[pidColumn]);
    }
    sockets.push({
      protocol: ipv6 ? 'tcp6' : 'tcp',
      localAddress: l.address,
      localPort: l.port,
      remoteAddress: r.address,
      remotePort: r.port,
      state: STATES[state] ?? 'other',
      pid,
      process,
    });
  }
  return sockets;
}

/** Older netstat names no process: name the owners from `ps` (pid → executable name). */
export function nameOwners(sockets: readonly SocketInfo[], names: ReadonlyMap<number, string>): SocketInfo[] {
  return sockets.map((s) =>
    s.process === null && s.pid !== null ? { ...s, process: names.get(s.pid) ?? null } : s,
  );
}
