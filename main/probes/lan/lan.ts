import { z } from 'zod';

/** A MAC as the LAN probe sends it: six lower-case, zero-padded octets joined by colons. */
const Mac = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);

/**
 * One thing the device saw of its LAN: read (the device sends the raw MAC; the HR service keeps
 * only its keyed hash and stores the report with `kept-as-hash` in its place), or unavailable with
 * the reason (no default route, not on Wi-Fi, the OS withholds it without location permission).
 * Never an error: a device that cannot see its LAN is not a failed check.
 */
export const LanReading = z.discriminatedUnion('state', [
  z.object({ state: z.literal('read'), mac: Mac }).strict(),
  z.object({ state: z.literal('kept-as-hash') }).strict(),
  z.object({ state: z.literal('unavailable'), reason: z.string().max(300) }).strict(),
]);
export type LanReading = z.infer<typeof LanReading>;

/** What the device reports about its LAN: the default gateway's MAC and the Wi-Fi access point's BSSID. */
export const LanInfo = z
  .object({
    gatewayMac: LanReading,
    bssid: LanReading,
  })
  .strict();
export type LanInfo = z.infer<typeof LanInfo>;

/** A MAC in any of the forms the OS tools print (`a0-63-91-2b-4c-1d`, `0:1e:c9:5:a:b`), or null. */
export function normalMac(text: string): string | null {
  const octets = text.trim().toLowerCase().split(/[:-]/);
  if (octets.length !== 6 || !octets.every((o) => /^[0-9a-f]{1,2}$/.test(o))) return null;
  return octets.map((o) => o.padStart(2, '0')).join(':');
}

export const unavailable = (reason: string): LanReading => ({ state: 'unavailable', reason });

/** A MAC read, or unavailable when the text is not one (an incomplete ARP entry prints zeros). */
export function macReading(text: string | null | undefined, missing: string): LanReading {
  const mac = text ? normalMac(text) : null;
  return mac && mac !== '00:00:00:00:00:00' ? { state: 'read', mac } : unavailable(missing);
}
