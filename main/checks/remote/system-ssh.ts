import type { SocketInfo } from '../../probes/sockets/socket';

/**
 * The SSH servers a Linux system runs as its own service. The skip-list keys on the executable's
 * path and its package's checksum, never on a process name: a copy under another path, a file
 * changed since install or a server run by an ordinary user is not on it.
 */
const PACKAGED_SSH_SERVERS: readonly { path: string; package: string }[] = [
  { path: '/usr/sbin/sshd', package: 'openssh-server' },
  { path: '/usr/sbin/dropbear', package: 'dropbear-bin' },
];

export type SshListener =
  /** The system's packaged SSH server, verified, run by root: listening alone is no remote session. */
  | 'system service'
  /** Run by root out of the hire's sight, or where no package database can vouch for it. */
  | 'unverifiable'
  /** A copy, a changed file, another server, or one an ordinary user runs. */
  | 'not the system service';

export function sshListenerKind(socket: SocketInfo): SshListener {
  if (socket.uid !== undefined && socket.uid !== 0) return 'not the system service';
  const provenance = socket.provenance;
  if (!socket.path || provenance === undefined || provenance === null) return 'unverifiable';
  const listed = PACKAGED_SSH_SERVERS.some(
    (server) => server.path === socket.path && server.package === provenance.package,
  );
  return listed && provenance.verified ? 'system service' : 'not the system service';
}
