import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { defaultPolicy, Policy } from '../contract/policy';
import { UsageError } from './usage-error';
import { whyUnreadable } from './why-unreadable';

export async function loadPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return defaultPolicy;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read policy ${path}: ${whyUnreadable(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`policy ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Policy.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`policy ${path} is invalid: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  }
  return parsed.data;
}
