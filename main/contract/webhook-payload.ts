import { z } from 'zod';
import { Verdict } from './checks';

/**
 * What the HR service POSTs to HR's receivers (an HR system, an IT ticketing hook), signed per
 * Standard Webhooks: `webhook-id` (stable per message: drop a repeat), `webhook-timestamp` (Unix
 * seconds), `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the
 * `whsec_` secret's base64 bytes). The body is this schema; `schema` names its version, and a
 * change that is not additive gets a new one. Worked example: docs/hr-hooks/receive-webhook.mjs.
 */
export const WEBHOOK_SCHEMA = 'hireproof.webhook/v1';

const Time = z.iso.datetime();

/** Another hire a farm signal linked this one to (README, Farm signals): ids and signal, not what was shared. */
export const WebhookLinkedHire = z.object({
  hireId: z.uuid(),
  check: z.string(),
  signal: z.string(),
});

/** A report's verdict became final (server judged it, the face was matched, HR reviewed it, a farm link was found). */
export const ReportVerdictEvent = z.object({
  schema: z.literal(WEBHOOK_SCHEMA),
  type: z.literal('report.verdict'),
  /** When the message was built. */
  timestamp: Time,
  data: z.object({
    reportId: z.uuid(),
    hireId: z.uuid(),
    /** The HR system's employee id HR gave the hire, or null. */
    externalId: z.string().nullable(),
    deviceId: z.string(),
    verdict: Verdict,
    receivedAt: Time,
    linkedHires: z.array(WebhookLinkedHire),
  }),
});
export type ReportVerdictEvent = z.infer<typeof ReportVerdictEvent>;

/** Every message a receiver can get, told apart by `type`. */
export const WebhookPayload = z.discriminatedUnion('type', [ReportVerdictEvent]);
export type WebhookPayload = z.infer<typeof WebhookPayload>;
