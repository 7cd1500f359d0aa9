/** A catalogue wildcard (`rustdesk*.exe`, `C:\Program Files\Parsec\*`) as a whole-string, case-blind regex. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}
