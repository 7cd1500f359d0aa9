import { rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { writeDurably } from '../data/durable-write';

/**
 * Where the session looks for the app's autostart entry: `$XDG_CONFIG_HOME/autostart`, or
 * `~/.config/autostart` when the variable is unset or not absolute (the Base Directory spec says to ignore it then).
 */
export function xdgAutostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  const base = configHome && isAbsolute(configHome) ? configHome : join(homeDir, '.config');
  return join(base, 'autostart', 'hireproof.desktop');
}

/** Writes the entry whole (a half-written one could start something else), or removes it. */
export async function setXdgAutostart(file: string, entry: string | null): Promise<void> {
  if (entry === null) await rm(file, { force: true });
  else await writeDurably(file, entry, 0o644);
}
