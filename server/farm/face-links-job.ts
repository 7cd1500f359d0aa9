import { z } from 'zod';
import { faceOneToMany, oneToManyThreshold } from '../../main/contract/face-decision';
import { templateDistance, type FaceTemplate } from '../../main/contract/face-template';
import { columns } from '../db/codecs';
import type { JobHandler } from '../jobs/job-runner';
import type { ServerContext } from '../context';
import { recordLinks, type HireLink } from './link-hires';

/** Templates opened per page: the search holds one page of other hires' faces at a time. */
const PAGE = 200;

/** The hire's template if the server's model made it (another model's distances mean nothing here). */
function currentTemplate(context: ServerContext, sealed: Buffer | null): FaceTemplate | null {
  if (!sealed) return null;
  const stored = columns.hireFaceTemplate.decode(context.seal.open(sealed).toString('utf8'));
  return stored.kind === 'current' ? stored.reading.template : null;
}

/**
 * Same face, different hires: a hire's ID-photo template against every other hire's of the same
 * model (1:N, off the request path, a page at a time), at the threshold for the company's size
 * (`oneToManyThreshold`). Twins and a rehired person are the expected false positives: links are
 * for HR to review, never a failure.
 */
export const faceLinksJob: JobHandler = async (job, context) => {
  const { hireId } = z.object({ hireId: z.string() }).parse(job.payload);
  const hire = await context.db
    .selectFrom('hires')
    .select('face_template')
    .where('id', '=', hireId)
    .executeTakeFirst();
  const template = currentTemplate(context, hire?.face_template ?? null);
  if (template) await linkSameFaces(context, hireId, template, 'the same face in the ID photos');
};

/**
 * The same search for the face a report's camera frames showed, once the server's face re-check is
 * done: the person in front of one hire's laptop may be another hire (whose ID photo shows them).
 * The first frame with a usable face is searched; frames already deleted are not.
 */
export const frameFaceLinksJob: JobHandler = async (job, context) => {
  const { reportId } = z.object({ reportId: z.string() }).parse(job.payload);
  const report = await context.db
    .selectFrom('reports')
    .select(['hire_id', 'frames'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report?.frames) return;
  const frames = columns.reportFrames.decode(context.seal.open(report.frames).toString('utf8'));
  for (const frame of frames) {
    const reading = await context.faces.descriptorOf(Buffer.from(frame, 'base64'));
    if (!reading.usable || reading.template.model !== faceOneToMany.model) continue;
    await linkSameFaces(
      context,
      report.hire_id,
      reading.template,
      "the same face: one hire's camera frames and the other's ID photo",
    );
    return;
  }
};

async function linkSameFaces(
  context: ServerContext,
  hireId: string,
  template: FaceTemplate,
  what: string,
): Promise<void> {
  const { db } = context;
  const { count } = await db
    .selectFrom('hires')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('face_template', 'is not', null)
    .executeTakeFirstOrThrow();
  const { threshold, backed } = oneToManyThreshold(Number(count));
  const links: HireLink[] = [];
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('hires')
      .select(['id', 'face_template'])
      .where('face_template', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const other of page) {
      if (other.id === hireId) continue;
      const theirs = currentTemplate(context, other.face_template);
      if (!theirs) continue;
      const distance = templateDistance(template, theirs);
      if (distance < threshold)
        links.push({
          otherHireId: other.id,
          signal: 'face',
          shown: `${what} (distance ${distance.toFixed(3)} < ${threshold} for ${String(count)} hires${backed ? '' : ', a threshold no measurement backs at this size'})`,
        });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  if (links.length > 0) await db.transaction().execute((trx) => recordLinks(trx, context, hireId, links));
}
