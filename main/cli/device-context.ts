import { resolve } from 'node:path';
import { defaultDataDir } from '../data/data-dir';
import { privateDir } from '../data/private-dir';
import { fileKeyStore } from '../identity/key-store';
import { Outbox } from '../outbox/outbox';

/** The CLI's device state: its data folder, its file-kept key and its outbox. */
export function deviceContext(data: string | undefined) {
  const dataDir = privateDir(resolve(data ?? defaultDataDir()));
  return { dataDir, keys: fileKeyStore(dataDir), outbox: new Outbox(dataDir) };
}
