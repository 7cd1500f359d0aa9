/** A file or command read for identity: its text, or why it could not be read. */
export type Reading = { text: string } | { error: string };

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export function textOf(reading: Reading | undefined): string | null {
  if (!reading || !('text' in reading)) return null;
  const text = reading.text.trim();
  return text === '' ? null : text;
}
