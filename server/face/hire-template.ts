import { serverFaceModel } from '../../main/contract/face-template';
import type { FaceReading } from '../../main/contract/face-reading';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';

export type HireTemplate =
  | { reading: Extract<FaceReading, { usable: true }> }
  /** Why no template of today's model can be had: HR must upload a new ID photo. */
  | { needsPhoto: string };

/**
 * The hire's template for the server's recognizer, at its first use after a model change: a
 * template from an older model is made again from the hire's ID photo while the photo is retained
 * (audited, stored sealed in its place); without a photo that gives one, the hire is marked as
 * needing a new ID photo and the reason says why.
 */
export async function hireTemplate(
  context: ServerContext,
  hireId: string,
  sealedTemplate: Buffer,
): Promise<HireTemplate> {
  const stored = columns.hireFaceTemplate.decode(context.seal.open(sealedTemplate).toString('utf8'));
  if (stored.kind === 'current') return { reading: stored.reading };
  const hire = await context.db
    .selectFrom('hires')
    .select('id_photo')
    .where('id', '=', hireId)
    .executeTakeFirstOrThrow();
  let why = 'the ID photo is no longer retained';
  if (hire.id_photo) {
    const reading = await context.faces
      .descriptorOf(context.seal.open(hire.id_photo))
      .catch((error: Error): FaceReading => ({ usable: false, reason: 'no-face', detail: error.message }));
    if (reading.usable) {
      await context.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('hires')
          .set({
            face_template: context.seal.seal(Buffer.from(columns.hireFaceTemplate.encode(reading))),
            face_status: 'ready',
          })
          .where('id', '=', hireId)
          .execute();
        await audit(trx, {
          actor: 'system',
          action: 'hire.face-template.renew',
          target: hireId,
          hire: hireId,
          detail: { from: stored.model, to: serverFaceModel },
          at: context.now(),
        });
      });
      return { reading };
    }
    why = `the retained ID photo gives no usable face (${reading.detail})`;
  }
  await context.db
    .updateTable('hires')
    .set({ face_status: 'needs-photo' })
    .where('id', '=', hireId)
    .execute();
  return {
    needsPhoto:
      `the hire's face template was made by ${stored.model}, which the server no longer matches with, ` +
      `and ${why}: a new ID photo is needed`,
  };
}
