/** The three-letter PNP manufacturer id packed into 15 bits, as EDID bytes 8–9 hold it. */
export function pnpIdFromCode(code: number): string | null {
  if (!Number.isInteger(code) || code <= 0 || code > 0x7fff) return null;
  const letters = [(code >> 10) & 31, (code >> 5) & 31, code & 31];
  if (letters.some((l) => l < 1 || l > 26)) return null;
  return String.fromCharCode(...letters.map((l) => 64 + l));
}
