import type { Host } from './host';

/** Small helpers for reading Linux's sysfs through a Host, shared by every Linux reader. */

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** A sysfs attribute without its trailing newline, or null when the device does not have it. */
export async function readAttribute(host: Host, path: string): Promise<string | null> {
  try {
    return (await host.readText(path)).replace(/\n$/, '');
  } catch {
    return null;
  }
}

/** A folder's entries; a folder that does not exist means "none of these", not an error. */
export async function listFolder(host: Host, path: string): Promise<string[]> {
  try {
    return await host.list(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** Whether a link exists at `path` (sysfs marks facts with links: `device`, `phy80211`). */
export async function hasLink(host: Host, path: string): Promise<boolean> {
  return host.readLink(path).then(
    () => true,
    () => false,
  );
}

export function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/**
 * Where a sysfs path really is, following every link on the way as text (so it works the same
 * on a live /sys and on a copied tree, and never leaves a sysroot).
 */
export async function resolvePath(host: Host, path: string, depth = 0): Promise<string> {
  if (depth > 16) throw new Error(`too many links resolving ${path}`);
  let resolved = '';
  const parts = normalisePath(path).split('/').filter(Boolean);
  for (const [index, part] of parts.entries()) {
    const candidate = `${resolved}/${part}`;
    const target = await host.readLink(candidate).catch(() => null);
    if (target === null) {
      resolved = candidate;
      continue;
    }
    const joined = target.startsWith('/') ? target : `${resolved}/${target}`;
    const rest = parts.slice(index + 1).join('/');
    return resolvePath(host, rest ? `${joined}/${rest}` : joined, depth + 1);
  }
  return resolved || '/';
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
