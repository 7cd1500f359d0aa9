import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { RAW_FOLDER } from '../../main/helpdesk/raw-outputs';

/** The files a diagnostics bundle holds, whatever exported it. */
export const DIAGNOSTICS_FILES = [
  'checks.json',
  'identity.json',
  'manifest.json',
  'outbox.json',
  'status.json',
];

/**
 * Opens a diagnostics zip, checks it holds exactly the expected files, a raw-outputs folder, and
 * none of `secrets` (a hire's name, descriptor values, a frame marker) anywhere, and gives its JSON
 * files back parsed.
 */
export function openDiagnostics(zip: Uint8Array, secrets: readonly string[]): Record<string, unknown> {
  const all = Object.entries(unzipSync(zip));
  // The raw outputs the probes read sit apart, as text (see main/helpdesk/raw-outputs.ts).
  const raw = all.filter(([name]) => name.startsWith(`${RAW_FOLDER}/`));
  expect(raw.map(([name]) => name).some((name) => /\/(recording|sysroot)\.json$/.test(name))).toBe(true);
  const rawText = raw.map(([, bytes]) => strFromU8(bytes)).join('\n');
  expect(secrets.filter((secret) => rawText.includes(secret))).toEqual([]);
  const files = Object.fromEntries(all.filter(([name]) => !name.startsWith(`${RAW_FOLDER}/`)));
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
