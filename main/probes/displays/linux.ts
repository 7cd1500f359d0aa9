import { createHash } from 'node:crypto';
import type { Host } from '../host';
import { baseName, listFolder, readAttribute } from '../sysfs';
import type { DisplayInfo } from './display';
import { parseEdid } from './parse-edid';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const CONNECTOR = /^card\d+-(.+)$/;
const BUILT_IN = /^(eDP|LVDS|DSI)-/;

/**
 * Every connected DRM connector (/sys/class/drm/cardN-<connector>) with its EDID. One unreadable
 * EDID is that display's `edidError`; the other displays are still read.
 */
export async function readLinuxDisplays(host: Host): Promise<DisplayInfo[]> {
  const entries = (await listFolder(host, '/sys/class/drm')).filter((name) => CONNECTOR.test(name)).sort();
  const displays = await Promise.all(
    entries.map(async (entry): Promise<DisplayInfo | null> => {
      const folder = `/sys/class/drm/${entry}`;
      if ((await readAttribute(host, `${folder}/status`)) !== 'connected') return null;
      const connector = CONNECTOR.exec(entry)![1]!;
      const card = entry.slice(0, entry.indexOf('-'));
      const driver = await host.readLink(`/sys/class/drm/${card}/device/driver`).catch(() => null);
      const bytes = await host.readBytes(`${folder}/edid`).catch((error: unknown) => error as Error);
      const parsed =
        bytes instanceof Error
          ? { edid: null, error: `could not read ${folder}/edid: ${bytes.message}` }
          : parseEdid(bytes, sha256Hex);
      return {
        connector,
        builtIn: BUILT_IN.test(connector),
        edid: parsed.edid,
        edidError: parsed.error,
        adapter: driver === null ? null : baseName(driver),
      };
    }),
  );
  return displays.filter((display): display is DisplayInfo => display !== null);
}
