import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyStore, sealedKeyStore, type SafeStorage } from '../../main/identity/key-store';

const dir = () => mkdtemp(join(tmpdir(), 'hireproof-keys-'));

/** Stands in for Electron's safeStorage (the OS keystore) with a real cipher and a key it keeps. */
function keystore(available = true): SafeStorage {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('device key stores', () => {
  it('makes one Ed25519 key, kept 0600, and loads the same key again', async () => {
    const data = await dir();
    const store = fileKeyStore(data);
    expect(await store.load()).toBeNull();
    const made = await store.create();
    expect([made.publicJwk.kty, made.publicJwk.crv]).toEqual(['OKP', 'Ed25519']);
    expect(made.publicJwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const loaded = await store.load();
    expect(loaded?.thumbprint).toBe(made.thumbprint);
    await expect(store.create()).rejects.toThrow('a device key already exists');
  });

  it('refuses a key file others can read', async () => {
    const data = await dir();
    await fileKeyStore(data).create();
    await chmod(join(data, 'device-key.pem'), 0o644);
    await expect(fileKeyStore(data).load()).rejects.toThrow('readable by other users (mode 644)');
  });

  it('seals the key with the OS keystore: no PEM on disk, unusable without that keystore', async () => {
    const data = await dir();
    const os = keystore();
    const made = await sealedKeyStore(data, os).create();
    const onDisk = await readFile(join(data, 'device-key.sealed'));
    expect(onDisk.toString('latin1')).not.toContain('PRIVATE KEY');
    expect((await sealedKeyStore(data, os).load())?.thumbprint).toBe(made.thumbprint);
    await expect(sealedKeyStore(data, keystore()).load()).rejects.toThrow();
    await expect(sealedKeyStore(await dir(), keystore(false)).create()).rejects.toThrow(
      'OS keystore is not available',
    );
  });
});
