/** The window an auditor carves with: a run this long of sealed bytes found again is not chance. */
export const CARVE_WINDOW = 32;

/**
 * Where in `haystack` any `CARVE_WINDOW`-byte run of any of `needles` occurs (its offset), or
 * null: the test of "deleted" that a file carver would apply to a database file.
 */
export function carve(haystack: Uint8Array, needles: readonly Uint8Array[]): number | null {
  const windows = new Set<string>();
  for (const needle of needles) {
    const bytes = Buffer.from(needle);
    for (let i = 0; i + CARVE_WINDOW <= bytes.length; i++)
      windows.add(bytes.toString('latin1', i, i + CARVE_WINDOW));
  }
  const hay = Buffer.from(haystack);
  for (let i = 0; i + CARVE_WINDOW <= hay.length; i++)
    if (windows.has(hay.toString('latin1', i, i + CARVE_WINDOW))) return i;
  return null;
}
