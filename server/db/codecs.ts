import { z } from 'zod';
import { CheckResult, CheckStatus } from '../../main/contract/checks';
import type { FaceReading } from '../../main/contract/face-reading';
import { IdentityClaims } from '../../main/contract/identity';
import { Ed25519PublicJwk, RequiredEvidence } from '../../main/contract/protocol';
import { enrolledTemplateOf, type EnrolledTemplate } from '../face/enrolled-template';
import { MovementFrames } from '../../main/contract/report';
import { WeighedReason } from '../reports/decide-verdict';

/** How one JSON column is written and read: every read is parsed with its schema, never cast. */
export interface Codec<In, Out = In> {
  encode(value: In): string;
  decode(text: string): Out;
}

function json<S extends z.ZodType>(schema: S): Codec<z.input<S>, z.output<S>> {
  return { encode: (value) => JSON.stringify(value), decode: (text) => schema.parse(JSON.parse(text)) };
}

/**
 * A check as the first version's app stored it (`message`, no severity): shown as what it is, the
 * device's own finding, with nothing the device did not say.
 */
const FirstVersionCheck = z
  .object({
    id: z.string(),
    status: CheckStatus,
    message: z.string().default(''),
    title: z.string().optional(),
  })
  .transform((c): CheckResult => ({
    id: c.id,
    title: c.title ?? c.id,
    status: c.status,
    severity: 'info',
    summary: c.message,
    evidence: [],
    remediation: '',
    durationMs: 0,
  }));

/**
 * What HR's report view reads of a stored payload: the server's judgement, or for a report stored
 * before the server judged, the device's own results. The rest of the payload stays as evidence.
 */
const StoredReport = z.object({
  serverChecks: z.array(CheckResult).optional(),
  checks: z.object({ checks: z.array(z.union([CheckResult, FirstVersionCheck])) }),
});

const LivenessTrace = z.array(z.record(z.string(), z.number()));
/** A report's landmark trace and movement frames; a bare trace as stored before movements were sent. */
const LivenessRecord = z.union([
  z.object({ trace: LivenessTrace, movements: z.array(MovementFrames) }),
  LivenessTrace.transform((trace) => ({ trace, movements: [] })),
]);

/** One codec per JSON column. */
export const columns = {
  /** The ID photo's face as the server read it, sealed before it is stored; read as current or outdated. */
  hireFaceTemplate: {
    encode: (reading: FaceReading) => JSON.stringify(reading),
    decode: (text: string) => enrolledTemplateOf(JSON.parse(text)),
  } satisfies Codec<FaceReading, EnrolledTemplate>,
  devicePublicJwk: json(Ed25519PublicJwk),
  deviceIdentity: json(IdentityClaims),
  nonceEvidence: json(RequiredEvidence),
  reportReasons: json(z.array(WeighedReason)),
  /** Written whole (the signed payload, frames apart, with the server's checks); read as HR's view. */
  reportPayload: {
    encode: (value: object) => JSON.stringify(value),
    decode: (text: string) => StoredReport.parse(JSON.parse(text)),
  } satisfies Codec<object, z.output<typeof StoredReport>>,
  /** A report's face frames (base64 images), sealed before they are stored. */
  reportFrames: json(z.array(z.string())),
  /** The liveness trace and movement frames (biometric: sealed, and deleted with the frames). */
  livenessRecord: json(LivenessRecord),
  /** Each job kind parses its own payload. */
  jobPayload: json(z.unknown()),
  auditDetail: json(z.record(z.string(), z.unknown())),
} as const;
