/** ld.so(8) expands $LIB / ${LIB} and $PLATFORM in preload paths; the rule reads them expanded. */
export function expandLoaderTokens(path: string): string {
  return path.replace(/\$\{?LIB\}?/g, 'lib').replace(/\$\{?PLATFORM\}?/g, 'x86_64');
}
