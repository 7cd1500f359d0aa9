import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

/** The files a diagnostics bundle holds, whatever exported it. */
export const DIAGNOSTICS_FILES = [
  'checks.json',
  'identity.json',
  'manifest.json',
  'outbox.json',
  'status.json',
];

/**
 * Opens a diagnostics zip, checks it holds exactly the expected files and none of `secrets` (a
 * hire's name, descriptor values, a frame marker), and gives its JSON files back parsed.
 */
export function openDiagnostics(zip: Uint8Array, secrets: readonly string[]): Record<string, unknown> {
  const files = unzipSync(zip);
  expect(Object.keys(files).sort()).toEqual(DIAGNOSTICS_FILES);
  const text = Object.values(files)
    .map((file) => strFromU8(file))
    .join('\n');
  expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  expect(text).not.toMatch(/faceDescriptor|"frames"|"face"|\/9j\//);
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, JSON.parse(strFromU8(bytes)) as unknown]),
  );
}
