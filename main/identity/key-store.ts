import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurably } from '../data/durable-write';
import type { DeviceKeyStore } from './device-signer';
import { privateKeyFromPem, softwareSigner } from './software-signer';

/** How a PKCS#8 PEM is kept on disk. */
interface KeyCodec {
  file: string;
  encode(pem: string): string | Buffer;
  decode(bytes: Buffer): string;
  /** Refuses a key kept unsafely before it is used. */
  check?(path: string): Promise<void>;
}

function keyStoreWith(dataDir: string, codec: KeyCodec): DeviceKeyStore {
  const path = join(dataDir, codec.file);
  const exists = async () => (await stat(path).catch(() => null)) !== null;
  return {
    async load() {
      if (!(await exists())) return null;
      await codec.check?.(path);
      return softwareSigner(privateKeyFromPem(codec.decode(await readFile(path))));
    },
    async create() {
      if (await exists()) throw new Error(`a device key already exists at ${path}`);
      const { privateKey } = generateKeyPairSync('ed25519');
      const sealed = codec.encode(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      await writeDurably(path, sealed, 0o600);
      return softwareSigner(privateKey);
    },
  };
}

/**
 * The headless CLI's key: a PEM file readable by its owner only. Weaker than the app's sealed key:
 * anyone who can read the user's files can copy it (README says so).
 */
export function fileKeyStore(dataDir: string): DeviceKeyStore {
  return keyStoreWith(dataDir, {
    file: 'device-key.pem',
    encode: (pem) => pem,
    decode: (bytes) => bytes.toString('utf8'),
    async check(path) {
      const mode = (await stat(path)).mode & 0o777;
      if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
        throw new Error(`${path} is readable by other users (mode ${mode.toString(8)}): run chmod 600 on it`);
      }
    },
  });
}

/** The part of Electron's safeStorage we use (Keychain on macOS, DPAPI on Windows, libsecret on Linux). */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** The app's key, sealed by the OS keystore: a copied data folder is useless on another account. */
export function sealedKeyStore(dataDir: string, safeStorage: SafeStorage): DeviceKeyStore {
  const available = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('the OS keystore is not available, so the device key cannot be sealed');
    }
  };
  return keyStoreWith(dataDir, {
    file: 'device-key.sealed',
    encode: (pem) => (available(), safeStorage.encryptString(pem)),
    decode: (bytes) => (available(), safeStorage.decryptString(bytes)),
  });
}
