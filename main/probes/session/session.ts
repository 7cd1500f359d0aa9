import { z } from 'zod';

/** A login session as the session manager records it (systemd-logind, WTS, …). */
export const LoginSession = z.object({
  id: z.string().max(128),
  remote: z.boolean(),
  remoteHost: z.string().max(256).nullable(),
  service: z.string().max(128).nullable(),
  type: z.string().max(64).nullable(),
  user: z.string().max(128).nullable(),
});
export type LoginSession = z.infer<typeof LoginSession>;

/** How the desktop this app runs in is reached. */
export const SessionInfo = z.object({
  /** Environment variables that tell of a remote session, as set for this process. */
  env: z.record(z.string().max(64), z.string().max(1024)),
  loginSessions: z.array(LoginSession).max(500),
  /** OS-level remote-desktop switches (macOS Screen Sharing, Windows SM_REMOTESESSION). */
  flags: z
    .array(z.object({ name: z.string().max(128), on: z.boolean(), source: z.string().max(256) }))
    .max(50),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
