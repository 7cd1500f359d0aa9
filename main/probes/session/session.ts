/** A login session as the session manager records it (systemd-logind, WTS, …). */
export interface LoginSession {
  id: string;
  remote: boolean;
  remoteHost: string | null;
  service: string | null;
  type: string | null;
  user: string | null;
}

/** How the desktop this app runs in is reached. */
export interface SessionInfo {
  /** Environment variables that tell of a remote session, as set for this process. */
  env: Record<string, string>;
  loginSessions: LoginSession[];
  /** OS-level remote-desktop switches (macOS Screen Sharing, Windows SM_REMOTESESSION). */
  flags: { name: string; on: boolean; source: string }[];
}
