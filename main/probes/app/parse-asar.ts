/**
 * The JSON header of an ASAR archive: a Chromium pickle holding the header's size, then a pickle
 * holding the header string. Electron's ASAR integrity is the SHA-256 of exactly this string.
 */
export function asarHeaderOf(archive: Buffer): string {
  if (archive.length < 16 || archive.readUInt32LE(0) !== 4) {
    throw new Error('not an ASAR archive: the size pickle is missing');
  }
  const headerSize = archive.readUInt32LE(4);
  const stringLength = archive.readUInt32LE(12);
  if (8 + headerSize > archive.length || 16 + stringLength > 8 + headerSize) {
    throw new Error('not an ASAR archive: the header runs past the end of the file');
  }
  const header = archive.toString('utf8', 16, 16 + stringLength);
  if (!header.startsWith('{')) throw new Error('not an ASAR archive: the header is not JSON');
  return header;
}

/** An archive hash the packager embedded in the signed app, as Electron checks it at start-up. */
export interface DeclaredAsarHash {
  /** Relative to the app: `Resources/app.asar` (macOS) or `resources\app.asar` (Windows). */
  file: string;
  algorithm: string;
  hash: string;
}

/** macOS: the `ElectronAsarIntegrity` dictionary of the app's Info.plist (XML). */
export function declaredHashesInPlist(plist: string): DeclaredAsarHash[] {
  const section = /<key>ElectronAsarIntegrity<\/key>\s*<dict>([\s\S]*?<\/dict>)\s*<\/dict>/.exec(plist)?.[1];
  if (section === undefined) return [];
  const entries = section.matchAll(
    /<key>([^<]+)<\/key>\s*<dict>\s*<key>algorithm<\/key>\s*<string>([^<]+)<\/string>\s*<key>hash<\/key>\s*<string>([0-9a-fA-F]+)<\/string>\s*<\/dict>/g,
  );
  return [...entries].map(([, file, algorithm, hash]) => ({
    file: file!,
    algorithm: algorithm!,
    hash: hash!,
  }));
}

/** Windows: the `INTEGRITY/ELECTRONASAR` resource of the .exe, a JSON list stored as plain bytes. */
export function declaredHashesInExe(executable: Buffer): DeclaredAsarHash[] {
  const start = executable.indexOf('[{"file":"');
  if (start < 0) return [];
  const end = executable.indexOf('}]', start);
  if (end < 0) return [];
  let list: unknown;
  try {
    list = JSON.parse(executable.toString('utf8', start, end + 2));
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: Record<string, unknown>) =>
    typeof entry.file === 'string' && typeof entry.alg === 'string' && typeof entry.value === 'string'
      ? [{ file: entry.file, algorithm: entry.alg, hash: entry.value }]
      : [],
  );
}
