import { z } from 'zod';

/** A login session as the session manager records it (systemd-logind, WTS, …). */
export const LoginSession = z.object({
  id: z.string().max(128),
  remote: z.boolean(),
  remoteHost: z.string().max(256).nullable(),
  service: z.string().max(128).nullable(),
  type: z.string().max(64).nullable(),
  user: z.string().max(128).nullable(),
  /** The process that started the session (logind's LEADER): the login daemon's child for sshd. */
  leader: z.number().int().optional(),
});
export type LoginSession = z.infer<typeof LoginSession>;

/**
 * A login record of utmp(5): a USER_PROCESS entry that names where it came from (ut_host). `pid`
 * is the process that wrote it: for OpenSSH the privileged child that serves the connection.
 * From wtmp only logins without a later logout on the same terminal are kept.
 */
export const TerminalLogin = z.object({
  source: z.enum(['utmp', 'wtmp']),
  line: z.string().max(32),
  host: z.string().max(256),
  pid: z.number().int(),
  user: z.string().max(32),
});
export type TerminalLogin = z.infer<typeof TerminalLogin>;

/** How the desktop this app runs in is reached. */
export const SessionInfo = z.object({
  /** Environment variables that tell of a remote session, as set for this process. */
  env: z.record(z.string().max(64), z.string().max(1024)),
  loginSessions: z.array(LoginSession).max(500),
  /** utmp/wtmp login records with a host (Linux); absent where the OS reader has none. */
  terminalLogins: z.array(TerminalLogin).max(500).optional(),
  /** This program's own process id, where its ancestry is read from (Linux). */
  selfPid: z.number().int().optional(),
  /** OS-level remote-desktop switches (macOS Screen Sharing, Windows SM_REMOTESESSION). */
  flags: z
    .array(z.object({ name: z.string().max(128), on: z.boolean(), source: z.string().max(256) }))
    .max(50),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
