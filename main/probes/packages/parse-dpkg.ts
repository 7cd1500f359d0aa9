/** `md5  relative/path` lines of a package's .md5sums: the checksum recorded for one file. */
export function recordedMd5(md5sums: string, path: string): string | null {
  const relative = path.replace(/^\//, '');
  for (const line of md5sums.split('\n')) {
    const match = /^([0-9a-f]{32}) {2}(.+)$/.exec(line.trim());
    if (match?.[2] === relative) return match[1] ?? null;
  }
  return null;
}
