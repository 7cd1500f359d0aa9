import type { JobHandler } from '../jobs/job-runner';

const DAY = 86_400_000;

/**
 * Deletes biometric data when the policy says: ID photos and face frames of hires verified more
 * than `retentionDays` ago, and of hires never verified after `unverifiedRetentionDays`. Then
 * schedules itself again.
 */
export const retentionJob: JobHandler = async (_job, context) => {
  const { db, policy } = context;
  const now = context.now();
  const verifiedBefore = new Date(now.getTime() - policy.retentionDays * DAY).toISOString();
  const createdBefore = new Date(now.getTime() - policy.unverifiedRetentionDays * DAY).toISOString();
  const expired = await db
    .selectFrom('hires')
    .select('id')
    .where('photos_deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('verified_at', '<=', verifiedBefore),
        eb.and([eb('verified_at', 'is', null), eb('created_at', '<=', createdBefore)]),
      ]),
    )
    .execute();
  for (const { id } of expired) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('hires')
        .set({ id_photo: null, photos_deleted_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
      // Only reports that still hold frames: rewriting every report of a long-serving hire is not free.
      await trx
        .updateTable('reports')
        .set({ frames: null })
        .where('hire_id', '=', id)
        .where('frames', 'is not', null)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          at: now.toISOString(),
          actor: 'system',
          action: 'retention.delete-photos',
          target: id,
          hire_id: id,
          detail: '{}',
        })
        .execute();
    });
  }
  await context.jobs.enqueue('retention.sweep', {}, { runAt: new Date(now.getTime() + 60 * 60_000) });
};
