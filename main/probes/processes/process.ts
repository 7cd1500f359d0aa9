/** A running process as the OS reports it. `name` is what the process calls itself (renamable). */
export interface ProcessInfo {
  pid: number;
  name: string;
  /** Full path of the executable image, when the OS tells us. */
  path: string | null;
  cmdline: string;
}
