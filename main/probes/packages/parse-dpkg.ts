/** dpkg's own records in /var/lib/dpkg/info, read as dpkg writes them. */

/** `<package>[:<arch>].list`: every path the package installed, one a line. */
export function listsPath(listText: string, path: string): boolean {
  return listText.split('\n').some((line) => line === path);
}

/** The package a `.list` file belongs to (`zscaler-client:amd64.list` → `zscaler-client:amd64`). */
export function packageOfList(file: string): string | null {
  return file.endsWith('.list') ? file.slice(0, -'.list'.length) : null;
}

/** `<package>.md5sums`: `<md5>  <path without its leading slash>` lines. */
export function md5Of(md5sums: string, path: string): string | null {
  const relative = path.replace(/^\//, '');
  for (const line of md5sums.split('\n')) {
    const match = /^([0-9a-f]{32}) {2}(.+)$/.exec(line);
    if (match && match[2] === relative) return match[1]!;
  }
  return null;
}
