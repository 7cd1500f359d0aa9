import { z } from 'zod';
import { ChecksReport, Verdict } from './checks';
import { Identity } from './identity';
import { LivenessChallenge } from './liveness';
import { Observations } from './observations';
import { FaceDecision } from './face-decision';
import { ReportKind } from './report-kind';

/** v2: the report carries the observations and the server judges them; v1 reports are refused as outdated. */
export const REPORT_SCHEMA = 'hireproof.report/v2';
export const LEGACY_REPORT_SCHEMAS = ['hireproof.report/v1'] as const;
/** The camera frames a report carries for the server's face match. */
export const MAX_FACE_FRAMES = 3;
/**
 * Compact JWS length the server accepts. The payload's frames, at their bounds: MAX_FACE_FRAMES face
 * frames (3 × 270 000 base64 characters) and the movement frames (4 × 8 × 32 000): 1.83 M characters,
 * 2.44 MB once the JWS base64url-encodes the payload; the rest is the observations and the trace.
 */
export const MAX_REPORT_BYTES = 3_000_000;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** Face frames and the app's advisory match; the server re-runs the match on the frames. */
export const FaceEvidence = z.object({
  camera: z.object({ label: z.string().max(256), id: z.string().max(256) }),
  backend: z.string().max(32),
  frames: z.array(Base64.max(270_000)).max(MAX_FACE_FRAMES),
  match: z
    .object({
      /** Null when no captured frame had a usable face (decision `no-face`). */
      distance: z.number().min(0).max(2).nullable(),
      threshold: z.number().min(0).max(2),
      decision: FaceDecision,
    })
    .nullable(),
  /** The hire chose the human video check instead. */
  humanCheckRequested: z.boolean(),
});
export type FaceEvidence = z.infer<typeof FaceEvidence>;

/** Bounds of the frames sent per movement (see MAX_REPORT_BYTES). */
export const movementFrameLimits = { frames: 8, base64Chars: 32_000, movements: 4 };

/**
 * One movement's frames, for the server to re-read and re-judge: the frontal frames the baseline
 * is taken from, then the frames up to the response, downscaled around the face, as JPEG.
 */
export const MovementFrames = z.object({
  kind: LivenessChallenge,
  frames: z
    .array(
      z.object({
        /** Milliseconds on the device's monotonic clock. */
        t: z.number().nonnegative(),
        jpeg: Base64.max(movementFrameLimits.base64Chars),
      }),
    )
    .max(movementFrameLimits.frames),
});
export type MovementFrames = z.infer<typeof MovementFrames>;

export const LivenessEvidence = z.object({
  passed: z.boolean(),
  challenges: z
    .array(
      z.object({
        kind: z.string().max(32),
        passed: z.boolean(),
        ms: z.number().nonnegative(),
        /** What the judge saw: the response, or why it failed. */
        reason: z.string().max(200).optional(),
      }),
    )
    .max(10),
  trace: z.array(z.record(z.string().max(32), z.number())).max(2_000),
  /** Per movement asked for, its frames: the server judges liveness on these, not on `passed`. */
  movements: z.array(MovementFrames).max(movementFrameLimits.movements).optional(),
});
export type LivenessEvidence = z.infer<typeof LivenessEvidence>;

export const InputEvidence = z.object({
  decision: z.enum(['local', 'suspect', 'insufficient-data']),
  score: z.number(),
  features: z.record(z.string().max(64), z.number()),
  /** The hire chose a person's check instead of the timed typing and reaction steps. */
  humanCheckRequested: z.boolean(),
});
export type InputEvidence = z.infer<typeof InputEvidence>;

export const Consent = z.object({
  version: z.string().max(32),
  acceptedAt: z.iso.datetime(),
  biometric: z.boolean(),
});

export { ReportKind } from './report-kind';

/** What a device signs: one attestation, bound to a server nonce. Defined once, for app, CLI and server. */
export const ReportPayload = z
  .object({
    schema: z.literal(REPORT_SCHEMA),
    reportId: z.uuid(),
    deviceId: z.string().min(1).max(64),
    nonce: z.string().min(16).max(128),
    issuedAt: z.iso.datetime(),
    appVersion: z.string().max(64),
    kind: ReportKind,
    identity: Identity,
    /** What the probes read: the HR service judges these. */
    observations: Observations,
    /** The device's own judgement of the observations, shown to the hire: advisory. */
    checks: ChecksReport,
    face: FaceEvidence.nullable(),
    liveness: LivenessEvidence.nullable(),
    input: InputEvidence.nullable(),
    consent: Consent.nullable(),
    advisoryVerdict: Verdict,
  })
  .strict();
export type ReportPayload = z.infer<typeof ReportPayload>;

export const REPORT_JWS_TYPE = 'hireproof.report+jws';
