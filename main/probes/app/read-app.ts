import type { Platform } from '../../contract/checks';
import type { ProbeReader } from '../facts';
import type { Host } from '../host';
import type { AppPlatform } from './app-platform';
import type { AppRuntime, AppState, AsarState } from './app-state';
import { darwinApp } from './darwin';
import { linuxApp } from './linux';
import { asarHeaderOf } from './parse-asar';
import { parseFuseWires } from './parse-fuse-wire';
import { win32App } from './win32';

/** The `app` probe for a program started as `runtime` says, on every platform. */
export function appReaders(runtime: AppRuntime): Record<Platform, ProbeReader<'app'>> {
  const reader = (platform: AppPlatform) => (host: Host) => readApp(host, runtime, platform);
  return { linux: reader(linuxApp), darwin: reader(darwinApp), win32: reader(win32App) };
}

/** Running from source there is nothing packaged to verify: only what runs is reported. */
export async function readApp(host: Host, runtime: AppRuntime, platform: AppPlatform): Promise<AppState> {
  const state = {
    packaged: runtime.isPackaged,
    version: runtime.version,
    executablePath: runtime.executablePath,
  };
  if (!runtime.isPackaged) return { ...state, signature: null, fuseWires: null, asar: null };
  const binary = await host.readBytes(platform.fuseBinary(runtime));
  const [signature, asar] = await Promise.all([
    platform.signature(host, runtime),
    readAsar(host, runtime, platform, binary),
  ]);
  return { ...state, signature, fuseWires: parseFuseWires(binary), asar };
}

async function readAsar(
  host: Host,
  runtime: AppRuntime,
  platform: AppPlatform,
  binary: Buffer,
): Promise<AsarState> {
  const archive = runtime.resourcesPath === null ? null : `${runtime.resourcesPath}/app.asar`;
  const bytes = archive === null ? null : await host.readBytes(archive).catch(() => null);
  const declared = await platform.declaredAsarHashes(host, runtime, binary);
  return {
    archive: bytes === null ? null : archive,
    headerHash: bytes === null ? null : await sha256Hex(asarHeaderOf(bytes)),
    declaredHash: declared.find((entry) => /[\\/]app\.asar$/i.test(entry.file))?.hash.toLowerCase() ?? null,
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}
