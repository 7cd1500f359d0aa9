import { ReportAck } from '../contract/protocol';
import type { DeliverySummary } from './deliver';

/**
 * How delivery went for one report: HR answered it, refused it for good, answered with something
 * that is not a report acknowledgement, or it is still queued. The app, the `attest` command and the
 * tests all read a delivery through this, so they cannot disagree about what happened.
 */
export type ReportOutcome =
  | { state: 'accepted'; reportId: string; ack: ReportAck }
  | { state: 'refused'; reportId: string; code: string; reason: string }
  | { state: 'unreadable'; reportId: string; body: unknown }
  | { state: 'queued'; reportId: string; waiting: number };

export function reportOutcome(reportId: string, delivery: DeliverySummary): ReportOutcome {
  const refused = delivery.deadLettered.find((d) => d.reportId === reportId);
  if (refused) return { state: 'refused', reportId, code: refused.code, reason: refused.reason };
  const delivered = delivery.delivered.find((d) => d.reportId === reportId);
  if (!delivered) return { state: 'queued', reportId, waiting: delivery.remaining };
  const ack = ReportAck.safeParse(delivered.body);
  if (!ack.success) return { state: 'unreadable', reportId, body: delivered.body };
  return { state: 'accepted', reportId, ack: ack.data };
}
