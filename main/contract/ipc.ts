import { z } from 'zod';
import { CheckId, CheckResult, ChecksReport, Verdict } from './checks';
import { Identity } from './identity';
import { LivenessChallenge } from './liveness';
import { EnrolmentCode, PrivacyTerms, Reason } from './protocol';
import { Consent, FaceEvidence, InputEvidence, LivenessEvidence, movementFrameLimits } from './report';

/**
 * The typed contract between the renderer and the main process, shared by main, the preload, the
 * renderer and the browser shell (no Node, Electron or DOM imports). Every call names a method; the
 * request and the response are parsed on the main side, whatever the transport.
 */

/** The consent text's version: the renderer shows this text, main records it in the report. */
export const CONSENT_VERSION = '2025-09';

const NoArguments = z.object({}).strict();

export const LastVerdict = z.object({
  reportId: z.string(),
  verdict: Verdict,
  reasons: z.array(Reason),
  pending: z.array(z.string()).optional(),
  receivedAt: z.iso.datetime(),
});
export type LastVerdict = z.infer<typeof LastVerdict>;

/** A report HR refused for good (the outbox keeps only the reason): the hire must send a new one. */
export const RefusedReport = z.object({
  reportId: z.string(),
  status: z.number().nullable(),
  code: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type RefusedReport = z.infer<typeof RefusedReport>;

export const DeviceStatus = z.object({
  enrolled: z.boolean(),
  hireName: z.string().nullable(),
  deviceId: z.string().nullable(),
  server: z.string().nullable(),
  consent: Consent.nullable(),
  /** When the server wants the next re-attestation; null before enrolment or when it cannot be asked. */
  schedule: z.object({ nextDueAt: z.iso.datetime(), overdue: z.boolean() }).nullable(),
  /** Why the schedule is missing (e.g. the HR service is unreachable), so the UI can say so. */
  scheduleProblem: z.string().nullable(),
  lastVerdict: LastVerdict.nullable(),
  /**
   * HR refused a report sent after the last one it answered (e.g. one that waited offline past its
   * challenge): the home screen says so and asks for a new check.
   */
  lastRefusal: RefusedReport.nullable(),
  /** The enrolled policy lets the hire open the helpdesk view from the app (IT's `--helpdesk` always can). */
  helpdeskOffered: z.boolean(),
  /** The re-attestation prompt, from the schedule and the policy; null while the schedule is unknown. */
  reattestation: z
    .object({
      /** Within the policy's prompt window before the due time, or overdue: the app asks the hire. */
      due: z.boolean(),
      /** How many more times the hire may answer "Later" for this due date; 0 once overdue. */
      deferralsLeft: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const DeviceIdentity = z.object({
  identity: Identity,
  /** RFC 7638 thumbprint of the device key; null before the key exists. */
  keyThumbprint: z.string().nullable(),
});
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;

export const OutboxState = z.object({
  queued: z.array(z.object({ reportId: z.string(), bytes: z.number().int().nonnegative() })),
  refused: z.array(RefusedReport),
});
export type OutboxState = z.infer<typeof OutboxState>;

/** What the hire's steps produced. The kind of report is the server's to decide (its challenge). */
export const SubmitRequest = z
  .object({
    input: InputEvidence.nullable(),
    face: FaceEvidence.nullable(),
    liveness: LivenessEvidence.nullable(),
  })
  .strict();
export type SubmitRequest = z.infer<typeof SubmitRequest>;

/**
 * The camera step's terms, from the HR service's challenge taken as the step begins: the movements
 * it asks for, in its order, and until when it takes the answer. The nonce stays in main, which
 * signs the report on that same challenge.
 */
export const CameraStepTerms = z.object({
  movements: z.array(LivenessChallenge).min(1).max(movementFrameLimits.movements),
  expiresAt: z.iso.datetime(),
});
export type CameraStepTerms = z.infer<typeof CameraStepTerms>;

export const SubmitResult = z.discriminatedUnion('state', [
  z.object({ state: z.literal('accepted'), reportId: z.string(), verdict: LastVerdict }),
  z.object({ state: z.literal('queued'), reportId: z.string(), waiting: z.number().int() }),
  z.object({ state: z.literal('refused'), reportId: z.string(), code: z.string(), reason: z.string() }),
]);
export type SubmitResult = z.infer<typeof SubmitResult>;

export const DiagnosticsBundle = z.object({
  fileName: z.string().regex(/^[\w.-]+\.zip$/),
  base64: z.string(),
  entries: z.array(z.string()),
});
export type DiagnosticsBundle = z.infer<typeof DiagnosticsBundle>;

/** Renderer → main calls: one named function each on `window.hireproof`. */
export const ipcMethods = {
  getStatus: { request: NoArguments, response: DeviceStatus },
  /** The retention periods the consent text states, from the HR service the app enrols with. */
  getConsentTerms: { request: NoArguments, response: PrivacyTerms },
  recordConsent: { request: z.object({ biometric: z.boolean() }).strict(), response: DeviceStatus },
  /** The hire takes back the camera check: HR deletes the hire's biometric data; a person checks instead. */
  withdrawBiometricConsent: { request: NoArguments, response: DeviceStatus },
  enrol: { request: z.object({ code: EnrolmentCode }).strict(), response: DeviceStatus },
  runChecks: { request: NoArguments, response: ChecksReport },
  rerunCheck: { request: z.object({ id: CheckId }).strict(), response: CheckResult },
  getIdentity: { request: NoArguments, response: DeviceIdentity },
  getOutbox: { request: NoArguments, response: OutboxState },
  /**
   * Takes the HR service's challenge for the camera step: its movements, or null when HR asks for no
   * camera check this time. Needs the service; `submitAttestation` later answers this challenge.
   */
  beginCameraStep: { request: NoArguments, response: CameraStepTerms.nullable() },
  submitAttestation: { request: SubmitRequest, response: SubmitResult },
  /**
   * The last report's verdict, asked again of the HR service while part of it is pending (the
   * server's face match and liveness judgement): its decision once it arrives. Null before any.
   */
  refreshVerdict: { request: NoArguments, response: LastVerdict.nullable() },
  exportDiagnostics: { request: NoArguments, response: DiagnosticsBundle },
  /** The hire's "Later" on a due re-attestation: counted against the policy's limit for this due date. */
  deferReattestation: { request: NoArguments, response: DeviceStatus },
  /** The code from a `hireproof://enrol?code=…` link the app was opened with, taken once. */
  takeEnrolLink: { request: NoArguments, response: z.object({ code: EnrolmentCode.nullable() }) },
} as const;

export const CheckProgress = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), id: z.string(), title: z.string() }),
  z.object({ type: z.literal('done'), result: CheckResult }),
]);
export type CheckProgress = z.infer<typeof CheckProgress>;

/** Main → renderer events: `window.hireproof.on<Event>(listener)` returns an unsubscribe. */
export const ipcEvents = {
  checkProgress: CheckProgress,
  /** A deep link arrived while the app was open: the wizard fills in the code. */
  enrolLink: z.object({ code: EnrolmentCode }),
  /** The tray's "Re-check now": the window runs the re-attestation flow. */
  recheckRequested: z.object({}),
} as const;

export type IpcMethod = keyof typeof ipcMethods;
export type IpcEvent = keyof typeof ipcEvents;
export type IpcRequest<M extends IpcMethod> = z.input<(typeof ipcMethods)[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<(typeof ipcMethods)[M]['response']>;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]>;

export const ipcChannel = (method: IpcMethod) => `hireproof:${method}`;
export const ipcEventChannel = (event: IpcEvent) => `hireproof:event:${event}`;
export const isIpcMethod = (name: string): name is IpcMethod => Object.hasOwn(ipcMethods, name);

/** Every reply, whatever the transport: a value, or an error the renderer can show. */
export const IpcReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type IpcReply = z.infer<typeof IpcReply>;

/** What the preload (or the browser shell's page script) puts on `window.hireproof`. */
export type HireproofApi = {
  [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
} & {
  [E in IpcEvent as `on${Capitalize<E>}`]: (listener: (payload: IpcEventPayload<E>) => void) => () => void;
};
