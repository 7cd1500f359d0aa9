import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LastVerdict } from '../contract/ipc';
import { Consent } from '../contract/report';
import { writeDurably } from './durable-write';

/**
 * What the app remembers between launches beside the enrolment: the hire's consent, the last answer,
 * and how often the hire said "Later" to the re-attestation due at `dueAt` (a new due date starts at 0).
 */
export const AppState = z.object({
  consent: Consent.nullable().default(null),
  lastVerdict: LastVerdict.nullable().default(null),
  deferrals: z
    .object({ dueAt: z.iso.datetime(), count: z.number().int().nonnegative() })
    .nullable()
    .default(null),
});
export type AppState = z.infer<typeof AppState>;

const file = (dataDir: string) => join(dataDir, 'app-state.json');

export async function loadAppState(dataDir: string): Promise<AppState> {
  const text = await readFile(file(dataDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file(dataDir)} is damaged: not JSON`);
  }
  const parsed = AppState.safeParse(json);
  if (!parsed.success)
    throw new Error(`${file(dataDir)} is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export async function updateAppState(dataDir: string, change: Partial<AppState>): Promise<AppState> {
  const next = { ...(await loadAppState(dataDir)), ...change };
  await writeDurably(file(dataDir), JSON.stringify(next, null, 2));
  return next;
}
