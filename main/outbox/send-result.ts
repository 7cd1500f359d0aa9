/** How one delivery attempt ended, as the delivery loop needs to know it. */
export type SendResult =
  | { kind: 'accepted'; body: unknown }
  | { kind: 'rejected'; status: number; code: string; reason: string }
  | { kind: 'retry'; status: number | null; reason: string; retryAfterMs: number | null };

/** Statuses that mean "not now" rather than "never": the report is kept and sent again. */
const RETRYABLE = new Set([408, 409, 425, 429]);

export function classifyStatus(status: number): 'accepted' | 'rejected' | 'retry' {
  if (status >= 200 && status < 300) return 'accepted';
  if (status >= 400 && status < 500 && !RETRYABLE.has(status)) return 'rejected';
  return 'retry';
}

/** Retry-After as seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
