import { z } from 'zod';
import { Verdict } from './checks';
import { Reason } from './reason';
import { Identity } from './identity';
import { LivenessChallenge } from './liveness';
import { ObservationSource } from './observations';
import { Policy } from './policy';
import { ReportKind } from './report';

/** The HR protocol (JSON over HTTPS), shared by the app, the CLI and the server. */

export {
  ApiError,
  BiometricWithdrawal,
  CreateHireRequest,
  CreateHireResponse,
  EnrolmentCodeIssued,
} from './hr-api';
export { Reason } from './reason';

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), in groups: 80 bits. */
/** The app's link scheme: `hireproof://enrol?code=…` opens it with an enrolment code (the HR service's /enrol page links it). */
export const DEEP_LINK_SCHEME = 'hireproof';

export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const EnrolmentCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/,
        'an enrolment code looks like ABCD-EFGH-JKMN-PQRS',
      ),
  );

export const Ed25519PublicJwk = z
  .object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
  .strict();

/** What a device says it is: the desktop app, or the headless command IT runs from MDM. */
export const DeviceClient = z.enum(['app', 'cli']);
export type DeviceClient = z.infer<typeof DeviceClient>;

export const EnrolmentRequest = z
  .object({
    code: EnrolmentCode,
    publicKey: Ed25519PublicJwk,
    client: DeviceClient,
    identity: Identity,
    /** Where the identity was read: a fixture machine (`--sysroot`) is refused outside tests. */
    observedFrom: ObservationSource,
  })
  .strict();
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

export const EnrolmentResponse = z.object({
  deviceId: z.string(),
  hire: z.object({ name: z.string() }),
  policy: Policy,
});
export type EnrolmentResponse = z.infer<typeof EnrolmentResponse>;

/**
 * The device is named by the key that signs the request; the server decides everything else.
 * Not strict: an older app's `{deviceId}` is then refused for its missing signature, which says what to do.
 */
export const ChallengeRequest = z.object({});

/** What a report answering this challenge must carry besides the observations. */
export const RequiredEvidence = z
  .object({
    face: z.boolean(),
    liveness: z.boolean(),
    input: z.boolean(),
    /**
     * The movements the hire is asked for, in order, drawn by the server (drawChallenges); the
     * report answers each with its frames. Absent on challenges issued before the server drew them.
     */
    movements: z.array(LivenessChallenge).min(1).max(4).optional(),
  })
  .strict();
export type RequiredEvidence = z.infer<typeof RequiredEvidence>;

/** The terms of one report: its nonce, its kind, its evidence, and the policy the hire is shown. */
export const ChallengeResponse = z.object({
  nonce: z.string(),
  expiresAt: z.iso.datetime(),
  kind: ReportKind,
  evidence: RequiredEvidence,
  policy: Policy,
});
export type ChallengeResponse = z.infer<typeof ChallengeResponse>;

export const ReportAck = z.object({
  reportId: z.uuid(),
  verdict: Verdict,
  reasons: z.array(Reason),
  /** Face re-verification still runs on the server; the verdict may change when it ends. */
  pending: z.array(z.string()).optional(),
});
export type ReportAck = z.infer<typeof ReportAck>;

/** `GET /v1/devices/:id/schedule`: when the server wants this device's next re-attestation. */
export const DeviceSchedule = z.object({
  nextDueAt: z.iso.datetime(),
  overdue: z.boolean(),
  /** The hire's biometric consent was withdrawn (in the app or by HR): a person checks the hire instead. */
  biometricConsentWithdrawn: z.boolean().optional(),
});
export type DeviceSchedule = z.infer<typeof DeviceSchedule>;

/**
 * `GET /v1/privacy` (no authentication: the consent screen needs it before enrolment): the retention
 * the consent text states, from the server's own policy.
 */
export const PrivacyTerms = z.object({
  /** ID photo, face frames and movement traces: deleted this many days after the hire is verified… */
  retentionDays: z.number().int().nonnegative(),
  /** …or this many days after they were taken, while the hire is not verified. */
  unverifiedRetentionDays: z.number().int().nonnegative(),
});
export type PrivacyTerms = z.infer<typeof PrivacyTerms>;
