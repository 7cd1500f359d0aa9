import { deviceSignatures } from '../../contract/device-signatures';

/** The IP-KVM a device string names (PiKVM, TinyPilot, JetKVM…), or null. Case-insensitive substring. */
export function kvmNamedIn(text: string | null): string | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  return deviceSignatures.kvmNames.find((n) => lower.includes(n.pattern))?.device ?? null;
}
