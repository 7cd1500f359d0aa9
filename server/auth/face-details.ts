/** What a face reason says to a role that does not see face details (see `seesFaceDetails`). */
export const FACE_DETAILS_WITHHELD = 'face check: its details are not shown to this role';

/**
 * An answer with every face reason (`face.*`, wherever reports carry reasons) reduced to its
 * check and the fact that it counted: no distances, measurements or evidence rows.
 */
export function withoutFaceDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFaceDetails);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (
    typeof record.check === 'string' &&
    record.check.startsWith('face.') &&
    typeof record.message === 'string'
  )
    return { check: record.check, message: FACE_DETAILS_WITHHELD };
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, withoutFaceDetails(v)]));
}
