import type { Outbox } from './outbox';
import type { SendResult } from './send-result';

export interface DeliveryOptions {
  /** Give up for now after this long; what is left stays queued for the next run. */
  deadlineMs: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onAttempt?: (reportId: string, result: SendResult) => void;
}

export interface DeliverySummary {
  delivered: { reportId: string; body: unknown }[];
  deadLettered: { reportId: string; code: string; reason: string }[];
  remaining: number;
}

/**
 * Sends queued reports oldest first. A report that cannot be sent now blocks the ones after it
 * (order matters to the server's timeline) and is retried with exponential backoff and full
 * jitter, honouring Retry-After; a refused one is dead-lettered and the queue moves on.
 */
export async function deliverQueued(
  outbox: Outbox,
  send: (jws: string) => Promise<SendResult>,
  options: DeliveryOptions,
): Promise<DeliverySummary> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 60_000;
  const until = now() + options.deadlineMs;
  const summary: DeliverySummary = { delivered: [], deadLettered: [], remaining: 0 };
  await outbox.sweep();
  let attempt = 0;
  for (;;) {
    const [next] = await outbox.queued();
    if (!next) break;
    const result = await send(next.jws);
    options.onAttempt?.(next.reportId, result);
    if (result.kind === 'accepted') {
      await outbox.acknowledge(next);
      summary.delivered.push({ reportId: next.reportId, body: result.body });
      attempt = 0;
    } else if (result.kind === 'rejected') {
      await outbox.deadLetter(next, { status: result.status, code: result.code, reason: result.reason });
      summary.deadLettered.push({ reportId: next.reportId, code: result.code, reason: result.reason });
      attempt = 0;
    } else {
      const backoff = random() * Math.min(cap, base * 2 ** attempt);
      const delay = Math.max(backoff, result.retryAfterMs ?? 0);
      if (now() + delay > until) break;
      attempt += 1;
      await sleep(delay);
    }
  }
  summary.remaining = (await outbox.queued()).length;
  return summary;
}
