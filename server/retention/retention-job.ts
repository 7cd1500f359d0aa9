import type { JobHandler } from '../jobs/job-runner';
import { audit } from '../audit/audit';
import { deleteReportBiometrics } from '../privacy/delete-biometrics';
import { reclaimDeleted } from '../privacy/reclaim';
import { forgetOldPlaces } from '../farm/forget-places';

const DAY = 86_400_000;

/**
 * Deletes biometric data when the policy says, each item on its own clock: a hire's ID photo
 * `retentionDays` after the hire is verified (or `unverifiedRetentionDays` after it was uploaded,
 * while the hire is not verified); each report's face frames and landmark trace `retentionDays`
 * after the later of its receipt and the hire's verification (or `unverifiedRetentionDays` after
 * its receipt), so a re-attestation's frames go too, whenever they came. The face template stays
 * while the hire is employed (offboarding, erasure and withdrawal delete it). The farm signals'
 * hashes of client addresses go once older than their window. Then the freed
 * space is reclaimed, and the job schedules itself again.
 */
export const retentionJob: JobHandler = async (_job, context) => {
  const { db, policy } = context;
  const now = context.now();
  const verifiedBefore = new Date(now.getTime() - policy.retentionDays * DAY).toISOString();
  const takenBefore = new Date(now.getTime() - policy.unverifiedRetentionDays * DAY).toISOString();
  const photos = await db
    .selectFrom('hires')
    .select('id')
    .where('id_photo', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('verified_at', '<=', verifiedBefore),
        eb.and([eb('verified_at', 'is', null), eb('created_at', '<=', takenBefore)]),
      ]),
    )
    .execute();
  const frames = await db
    .selectFrom('reports')
    .innerJoin('hires', 'hires.id', 'reports.hire_id')
    .select(['reports.id', 'reports.hire_id'])
    .where((eb) =>
      eb.or([eb('reports.frames', 'is not', null), eb('reports.liveness_trace', 'is not', null)]),
    )
    .where((eb) =>
      eb.or([
        eb.and([
          eb('hires.verified_at', '<=', verifiedBefore),
          eb('reports.received_at', '<=', verifiedBefore),
        ]),
        eb.and([eb('hires.verified_at', 'is', null), eb('reports.received_at', '<=', takenBefore)]),
      ]),
    )
    .execute();
  const reportsOf = new Map<string, string[]>();
  for (const r of frames) reportsOf.set(r.hire_id, [...(reportsOf.get(r.hire_id) ?? []), r.id]);
  for (const hireId of new Set([...photos.map((p) => p.id), ...reportsOf.keys()])) {
    const reports = reportsOf.get(hireId) ?? [];
    const photo = photos.some((p) => p.id === hireId);
    await db.transaction().execute(async (trx) => {
      if (photo)
        await trx
          .updateTable('hires')
          .set({ id_photo: null, photos_deleted_at: now.toISOString() })
          .where('id', '=', hireId)
          .execute();
      await deleteReportBiometrics(trx, { ids: reports }, now);
      await audit(trx, {
        actor: 'system',
        action: 'retention.delete-biometrics',
        target: hireId,
        hire: hireId,
        detail: { idPhoto: photo, reports: reports.length },
        at: now,
      });
    });
  }
  const places = await forgetOldPlaces(db, policy, now);
  if (photos.length > 0 || frames.length > 0 || places > 0) await reclaimDeleted(context);
  await context.jobs.enqueue('retention.sweep', {}, { runAt: new Date(now.getTime() + 60 * 60_000) });
};
