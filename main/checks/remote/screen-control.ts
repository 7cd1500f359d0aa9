import type { EvidenceRow } from '../../contract/checks';
import type { ProcessInfo, ProcessNetwork } from '../../probes/processes/process';
import { roleOf, type LibraryRole } from '../../probes/processes/watched-libraries';

/**
 * What a process that maps screen or input libraries is, judged by structure (Linux):
 * - a remote-desktop server: it maps a server library (libvncserver, FreeRDP's server or shadow
 *   library, neatvnc, xrdp's, xpra's screen grabber) and serves over TCP or a unix socket, whether
 *   it listens, connects out (a reverse VNC connection) or sits behind a relay;
 * - a headless screen controller: it watches the screen (XDamage) and injects input (XTEST, libei),
 *   talks TCP, and has no window or sound of its own: a remote-control agent without a known library;
 * - look-alikes that pass: conferencing and browsers capture the screen and play sound or draw
 *   windows (they send the screen out; input comes back only when the hire grants remote control
 *   in their own window); input sharing (Barrier/Input Leap, KDE Connect) injects input it receives
 *   but watches no screen.
 */
export type ScreenControl =
  | 'remote-desktop server'
  | 'headless screen controller'
  /** Maps a server library but serves nothing now (GNOME Remote Desktop with sharing off). */
  | 'idle remote-desktop server'
  | 'look-alike';

/** The kinds that fail remote.ports; the others are shown and pass. */
export const SERVING: ReadonlySet<ScreenControl> = new Set<ScreenControl>([
  'remote-desktop server',
  'headless screen controller',
]);

export interface ScreenControlFinding {
  process: ProcessInfo;
  kind: ScreenControl;
  meaning: string;
}

function roles(process: ProcessInfo): Set<LibraryRole> {
  return new Set((process.libraries ?? []).map(roleOf).filter((role): role is LibraryRole => role !== null));
}

function serves(network: ProcessNetwork | undefined): string | null {
  if (!network) return null;
  const ways = [
    network.tcpListening ? 'listens on TCP' : null,
    network.tcpConnected ? 'holds a TCP connection' : null,
    network.unixListening ? 'serves a unix socket' : null,
  ].filter((way): way is string => way !== null);
  return ways.length > 0 ? ways.join(', ') : null;
}

export function screenControl(process: ProcessInfo): ScreenControlFinding | null {
  const has = roles(process);
  const how = serves(process.network);
  const tcp = process.network?.tcpListening === true || process.network?.tcpConnected === true;
  if (has.has('remote-desktop server'))
    return how
      ? { process, kind: 'remote-desktop server', meaning: `maps a remote-desktop server library and ${how}` }
      : {
          process,
          kind: 'idle remote-desktop server',
          meaning: 'maps a remote-desktop server library but holds no TCP or listening unix socket',
        };
  const captures = has.has('screen capture');
  const injects = has.has('input injection');
  const ownWindowOrSound = has.has('audio') || has.has('user interface');
  if (captures && injects && tcp && !ownWindowOrSound)
    return {
      process,
      kind: 'headless screen controller',
      meaning: `watches the screen and injects input, ${how ?? 'talks TCP'}, with no window or sound of its own`,
    };
  if (injects && tcp)
    return {
      process,
      kind: 'look-alike',
      meaning: ownWindowOrSound
        ? `${captures ? 'captures the screen and injects input' : 'injects input'} with windows or sound of its own: conferencing remote control or input sharing the hire drives from its window`
        : 'injects input it receives but watches no screen: input sharing (a keyboard and mouse shared from a machine beside it)',
    };
  return null;
}

export function screenControlRow(finding: ScreenControlFinding): EvidenceRow {
  const { process } = finding;
  return {
    signal: 'process structure',
    kind: finding.kind,
    pid: process.pid,
    process: process.name,
    path: process.path,
    libraries: (process.libraries ?? []).join(', '),
    meaning: finding.meaning,
  };
}

/** Processes whose libraries and sockets this user cannot read, by owner: what stays unseen. */
export function unreadableRows(processes: readonly ProcessInfo[]): EvidenceRow[] {
  const byUid = new Map<string, number>();
  for (const p of processes.filter((p) => p.libraries === undefined)) {
    const uid = p.uid === undefined ? 'unknown' : String(p.uid);
    byUid.set(uid, (byUid.get(uid) ?? 0) + 1);
  }
  return [...byUid].map(([uid, count]) => ({
    signal: 'not readable',
    uid,
    processes: count,
    meaning:
      'their libraries and sockets are hidden from this user: a remote-desktop server among them is seen only by its listening port',
  }));
}
