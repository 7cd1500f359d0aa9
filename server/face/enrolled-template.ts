import { z } from 'zod';
import { FaceReading } from '../../main/contract/face-reading';
import { serverFaceModel } from '../../main/contract/face-template';

/** What a hire's stored face template is to today's server. */
export type EnrolledTemplate =
  | { kind: 'current'; reading: Extract<FaceReading, { usable: true }> }
  /** Made by another model (or before templates named theirs): it cannot be compared with today's. */
  | { kind: 'outdated'; model: string };

/** Templates stored before they named their model: face-api's 128-number descriptor. */
const UnnamedTemplate = z.object({ usable: z.literal(true), descriptor: z.array(z.number()).length(128) });

/** Reads a stored template (the JSON the hire was enrolled with). Throws on anything else: a corrupt row is not an old one. */
export function enrolledTemplateOf(json: unknown): EnrolledTemplate {
  if (UnnamedTemplate.safeParse(json).success)
    return { kind: 'outdated', model: 'face-api-descriptor@1.7.15' };
  const reading = FaceReading.parse(json);
  if (!reading.usable) throw new Error('a stored face template has no face');
  return reading.template.model === serverFaceModel
    ? { kind: 'current', reading }
    : { kind: 'outdated', model: reading.template.model };
}
