import { realpath, stat } from 'node:fs/promises';
import { realHost, sysrootHost, type Host } from '../probes/host';
import { UsageError } from './usage-error';

/** The real machine, or a machine laid out under `--sysroot DIR` (read as Linux, no commands run). */
export async function openHost(sysroot: string | undefined): Promise<Host> {
  if (sysroot === undefined) return realHost();
  const root = await realpath(sysroot).catch(() => {
    throw new UsageError(`sysroot ${sysroot} does not exist`);
  });
  if (!(await stat(root)).isDirectory()) throw new UsageError(`sysroot ${sysroot} is not a folder`);
  return sysrootHost(root);
}
