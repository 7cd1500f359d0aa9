/**
 * IP address ranges in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`), pure so the device, the
 * CLI and the HR service read a policy's egress ranges the same way.
 */

/** An address as bits: 32 for IPv4, 128 for IPv6; IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is IPv4. */
function bitsOf(address: string): { bits: bigint; width: 32 | 128 } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const text = mapped ? mapped[1]! : address;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { bits: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), width: 32 };
  }
  if (!/^[0-9a-f:]+$/i.test(text) || text.split('::').length > 2) return null;
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return null;
  const all = [...left, ...Array<string>(missing).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return { bits: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), width: 128 };
}

/** A parsed range, or null when `cidr` is not one. */
function rangeOf(cidr: string): { bits: bigint; width: 32 | 128; prefix: number } | null {
  const [address = '', prefixText, extra] = cidr.split('/');
  if (extra !== undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return null;
  const parsed = bitsOf(address);
  const prefix = Number(prefixText);
  return parsed && prefix <= parsed.width ? { ...parsed, prefix } : null;
}

export function isCidr(cidr: string): boolean {
  return rangeOf(cidr) !== null;
}

/** Whether `address` lies in `cidr`; false for anything unparsable or of the other IP version. */
export function inCidr(address: string, cidr: string): boolean {
  const range = rangeOf(cidr);
  const ip = bitsOf(address);
  if (!range || !ip || range.width !== ip.width) return false;
  const shift = BigInt(range.width - range.prefix);
  return ip.bits >> shift === range.bits >> shift;
}
