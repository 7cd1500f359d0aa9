import { z } from 'zod';

/** Whether a process listens on or talks over TCP, or serves a unix socket (a relay may front it). */
export const ProcessNetwork = z.object({
  tcpListening: z.boolean(),
  tcpConnected: z.boolean(),
  unixListening: z.boolean(),
});
export type ProcessNetwork = z.infer<typeof ProcessNetwork>;

/** A running process as the OS reports it. `name` is what the process calls itself (renamable). */
export const ProcessInfo = z.object({
  pid: z.number().int(),
  name: z.string().max(256),
  /** Full path of the executable image, when the OS tells us (macOS: argv[0] when it is a path, a claim). */
  path: z.string().max(1024).nullable(),
  /** Arguments, only where a rule reads them (display servers); empty otherwise, for privacy. */
  cmdline: z.string().max(1024),
  /**
   * Who started it, who runs it and which login session it belongs to: the process tree a remote
   * login hangs from. Absent where the OS reader does not give them (macOS, uid and session on Windows).
   */
  ppid: z.number().int().optional(),
  uid: z.number().int().optional(),
  /** The session id (setsid(2)): the shell a login or terminal started leads it. */
  sid: z.number().int().optional(),
  /**
   * Linux: the screen, input, audio, GUI and remote-desktop libraries it maps (`watched-libraries`),
   * never its whole list. Absent where its /proc/PID/maps cannot be read (another user's process
   * as the hire, a non-dumpable one).
   */
  libraries: z.array(z.string().max(64)).max(32).optional(),
  /** Linux, for a process mapping a screen, input or remote-desktop library: the sockets it holds. */
  network: ProcessNetwork.optional(),
});
export type ProcessInfo = z.infer<typeof ProcessInfo>;
