import type { Kysely, Transaction } from 'kysely';
import type { ServerContext } from '../context';
import type { Database } from '../db/schema';
import { VerifyingReportKind } from '../../main/contract/report-kind';

const VERIFYING_KINDS: ReadonlySet<string> = new Set(VerifyingReportKind.options);

/**
 * Once a report's verdict is final: a pass of an onboarding or re-attestation (with the hire's
 * face) verifies the hire, starting the retention clock; a device-only check never does. Every
 * registered webhook gets a delivery job.
 */
export async function finalVerdictJobs(
  db: Kysely<Database> | Transaction<Database>,
  context: ServerContext,
  reportId: string,
  hireId: string,
  kind: string,
  verdict: 'pass' | 'review' | 'fail',
): Promise<void> {
  const now = context.now();
  if (verdict === 'pass' && VERIFYING_KINDS.has(kind)) {
    await db
      .updateTable('hires')
      .set({ verified_at: now.toISOString() })
      .where('id', '=', hireId)
      .where('verified_at', 'is', null)
      .execute();
  }
  const hooks = await db.selectFrom('webhooks').select('id').execute();
  for (const hook of hooks)
    await context.jobs.enqueue(
      'webhook.deliver',
      { webhookId: hook.id, reportId },
      { runAt: now, db, fairKey: hireId },
    );
}
