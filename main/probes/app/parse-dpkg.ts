/** The package that owns `path`, from `dpkg -S PATH` output ("pkg: /path" or "a, b: /path"). */
export function dpkgOwner(output: string, path: string): string | null {
  for (const line of output.split('\n')) {
    const match = /^([^:\s][^:]*): (.+)$/.exec(line.trim());
    if (match?.[2] === path && !line.startsWith('diversion ')) return match[1]!.split(',')[0]!.trim();
  }
  return null;
}

/**
 * The files of a package that no longer match what it installed, from `dpkg --verify PKG` output:
 * one line per problem (`??5??????   /path`: its MD5 differs; `missing   /path`). dpkg exits 0 either way.
 */
export function dpkgChangedFiles(output: string): string[] {
  return output
    .split('\n')
    .map((line) => /^(?:\S{9}|missing)\s+(?:c\s+)?(\/.*)$/.exec(line.trim())?.[1])
    .filter((path): path is string => path !== undefined);
}
