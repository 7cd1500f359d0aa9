import { z } from 'zod';

/**
 * What the running program can see of attempts to blind it: code loaded into it, a tracer, a user
 * or PID namespace that hides the real machine. A minimised inventory: names, paths and counts a
 * rule needs, never environment values beyond them (this is an employee's laptop).
 */

/** A library the dynamic loader is told to load into every program before its own libraries. */
export const Preload = z.object({
  /** As written in LD_PRELOAD or /etc/ld.so.preload (may be a bare name, or use $LIB). */
  path: z.string(),
  source: z.enum(['env', 'ld.so.preload']),
  /** The file actually mapped into this process for it, or null when it is not mapped. */
  mapped: z.string().nullable(),
});
export type Preload = z.infer<typeof Preload>;

/** A Node option that loads code or opens a debugger, from our command line or NODE_OPTIONS. */
export const NodeFlag = z.object({
  flag: z.string(),
  source: z.enum(['cmdline', 'NODE_OPTIONS']),
  /** The module --require / --import / --loader names; null for debugger flags. */
  target: z.string().nullable(),
});
export type NodeFlag = z.infer<typeof NodeFlag>;

export const RuntimeFacts = z.object({
  /** Our own PID, as the /proc we read numbers it (1 when we are init of our own namespace). */
  selfPid: z.number().int(),
  /** Our executable (/proc/self/exe): libraries next to it are the app's own. */
  executable: z.string().nullable(),
  preloads: z.array(Preload),
  /** Every shared library mapped into this process; read only when a preload is set. */
  mappedLibraries: z.array(z.string()),
  nodeFlags: z.array(NodeFlag),
  /** /proc/self/uid_map lines, spaces collapsed; null when the kernel has no user namespaces. */
  uidMap: z.array(z.string()).nullable(),
  /** TracerPid of /proc/self/status when non-zero, with the tracer's name when readable. */
  tracer: z.object({ pid: z.number().int(), comm: z.string().nullable() }).nullable(),
  /** The /proc/PID/ns/pid links, `pid:[inode]`; null where unreadable. */
  pidNamespace: z.object({ self: z.string().nullable(), pid1: z.string().nullable() }),
  pid1: z.object({
    comm: z.string().nullable(),
    exe: z.string().nullable(),
    isSelf: z.boolean(),
    /** PID 1 is in our chain of parents. */
    isAncestor: z.boolean(),
  }),
  /** Our parents, nearest first, up to (not including) PID 1. */
  ancestors: z.array(z.object({ pid: z.number().int(), comm: z.string() })),
  processTable: z.object({
    visible: z.number().int(),
    /** A kernel thread (PF_KTHREAD) is listed: only the initial PID namespace shows them. */
    kernelThreads: z.boolean(),
    /** Every listed process is us, one of our parents or one of our descendants. */
    onlyOwnTree: z.boolean(),
  }),
  /** The hidepid= option of the /proc mount, when it hides anything. */
  procHidepid: z.string().nullable(),
  sandbox: z.object({
    /** /.flatpak-info exists: Flatpak writes it into every sandbox it starts. */
    flatpak: z.boolean(),
    /** SNAP_NAME of our environment. */
    snap: z.string().nullable(),
    /** Our AppArmor label, when confined. */
    apparmor: z.string().nullable(),
    /** docker (/.dockerenv), podman (/run/.containerenv) or the `container` variable systemd-nspawn sets. */
    container: z.string().nullable(),
  }),
});
export type RuntimeFacts = z.infer<typeof RuntimeFacts>;
