import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Policy } from '../contract/policy';
import { writeDurably } from './durable-write';

/** What this device learnt when it enrolled: which server, which hire, the policy in force. */
export const Enrolment = z.object({
  server: z.url(),
  deviceId: z.string(),
  hireName: z.string(),
  enrolledAt: z.iso.datetime(),
  keyThumbprint: z.string(),
  policy: Policy,
});
export type Enrolment = z.infer<typeof Enrolment>;

const file = (dataDir: string) => join(dataDir, 'enrolment.json');

export async function loadEnrolment(dataDir: string): Promise<Enrolment | null> {
  const text = await readFile(file(dataDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const json: unknown = JSON.parse(text);
  const parsed = Enrolment.safeParse(json);
  if (!parsed.success)
    throw new Error(`${file(dataDir)} is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  // An earlier version kept the hire's face template here; the device holds none any more.
  if (typeof json === 'object' && json !== null && 'faceDescriptor' in json)
    await saveEnrolment(dataDir, parsed.data);
  return parsed.data;
}

export const saveEnrolment = (dataDir: string, enrolment: Enrolment) =>
  writeDurably(file(dataDir), JSON.stringify(enrolment, null, 2));
