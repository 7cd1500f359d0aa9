import { z } from 'zod';
import { CheckResult, Verdict } from './checks';
import { Reason } from './reason';
import { ReportKind } from './report-kind';

/**
 * The HR service's HTTP API for HR (its device routes are in `device-api.ts`), as one table:
 * every route's method, path, inputs and response schema. The server registers its routes from
 * it (answers are checked against it), and the dashboard's one fetch wrapper derives its types
 * from it and parses every answer with it. Nothing here imports the report's observations, so the
 * dashboard's bundle stays small.
 */

/** Every refusal: `{error: {code, message}}` with the right status. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

/** HR creates a hire: who, which laptop IT shipped, and the ID photo the face is matched to. */
export const CreateHireRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    expectedDevice: z
      .object({
        serial: z.string().trim().min(1).max(128).optional(),
        assetTag: z.string().trim().min(1).max(128).optional(),
      })
      .strict()
      .optional(),
    /** Base64 JPEG or PNG holding exactly one face. */
    idPhoto: z.string().min(1).max(7_000_000),
    /** The HR system's employee id (unique when set): it appears in webhooks and exports. */
    externalId: z.string().trim().min(1).max(128).optional(),
    /** Email the invitation (the default when the service has SMTP set up); false: HR passes the code on. */
    invite: z.boolean().optional(),
  })
  .strict();
export type CreateHireRequest = z.infer<typeof CreateHireRequest>;

/** A new ID photo for a hire whose face template must be made again (see HireDetail.newIdPhotoNeeded). */
export const ReplaceIdPhotoRequest = CreateHireRequest.pick({ idPhoto: true }).strict();
export const IdPhotoReplaced = z.object({ id: z.uuid(), replacedAt: z.iso.datetime() });

export const CreateHireResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  codeExpiresAt: z.iso.datetime(),
});

/** A message to a hire: the invitation (with the enrolment code) or a reminder of an overdue re-attestation. */
export const MailKind = z.enum(['invitation', 'reminder']);
export type MailKind = z.infer<typeof MailKind>;
/**
 * What became of it: `queued` (waiting, or retrying after a temporary refusal), `accepted` by the
 * mail server, `refused` by it for good, `failed` (still unreachable after every retry), or
 * `voided` (a newer code was issued before it went).
 */
export const MailStatus = z.enum(['queued', 'accepted', 'refused', 'failed', 'voided']);
export type MailStatus = z.infer<typeof MailStatus>;
export const MailDelivery = z.object({
  id: z.uuid(),
  kind: MailKind,
  to: z.string(),
  status: MailStatus,
  attempts: z.number().int().nonnegative(),
  /** The mail server's last answer, e.g. `550 5.1.1 no such user`. */
  response: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type MailDelivery = z.infer<typeof MailDelivery>;

/** A hire's enrolment code (shown once) and, when it was emailed, the invitation carrying it. */
export const EnrolmentCodeIssued = CreateHireResponse.extend({ invitation: MailDelivery.nullable() });
export type EnrolmentCodeIssued = z.infer<typeof EnrolmentCodeIssued>;
/** HR issues a new code, voiding the hire's unused ones; `email` sends it in a new invitation. */
export const NewCodeRequest = z.object({ email: z.boolean() }).strict();
/** HR replaced the hire's laptop: the devices revoked, and the code that enrols the new one. */
export const DeviceReplaced = EnrolmentCodeIssued.extend({ revokedDevices: z.array(z.string()) });

/** The answer to a withdrawal of biometric consent: when the hire's biometric data was deleted. */
export const BiometricWithdrawal = z.object({ withdrawnAt: z.iso.datetime() });
export type BiometricWithdrawal = z.infer<typeof BiometricWithdrawal>;

/** HR offboarded a hire who left (a second call answers with the first time). */
export const Offboarded = z.object({ hireId: z.uuid(), offboardedAt: z.iso.datetime() });

/** HR erased a hire: how many of its devices and reports went. */
export const Erased = z.object({
  hireId: z.uuid(),
  erased: z.object({ devices: z.number().int().nonnegative(), reports: z.number().int().nonnegative() }),
});

/** Where a hire stands, as HR sees it at a glance. */
export const HireStatus = z.enum([
  'invited',
  'enrolled',
  'verified',
  'review',
  'failed',
  'overdue',
  'offboarded',
]);
export type HireStatus = z.infer<typeof HireStatus>;

/** The position after the last item of a page, opaque to clients: send it back for the next page. */
export const Cursor = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'a cursor from the previous page');

export const PAGE_SIZE = { hires: 50, reports: 20, audit: 50, deliveries: 50, max: 100 } as const;

const limit = (fallback: number) => z.coerce.number().int().min(1).max(PAGE_SIZE.max).default(fallback);
export const Time = z.iso.datetime();
export const ById = z.object({ id: z.uuid() });

export const HireListQuery = z
  .object({
    status: HireStatus.optional(),
    /** Part of a name or an email, any case. */
    q: z.string().trim().min(1).max(100).optional(),
    cursor: Cursor.optional(),
    limit: limit(PAGE_SIZE.hires),
  })
  .strict();
export type HireListQuery = z.input<typeof HireListQuery>;

export const HireSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  createdAt: Time,
  /** When the hire was verified, while they stand verified (null once a later report failed or needs review). */
  verifiedAt: Time.nullable(),
  status: HireStatus,
  latestVerdict: Verdict.nullable(),
  latestReportAt: Time.nullable(),
  /** When the hire's app is due to re-attest (overdue once passed). */
  nextDueAt: Time.nullable(),
});
export type HireSummary = z.infer<typeof HireSummary>;

/**
 * One hire in the export (`/v1/export.json` is an array of these; `/v1/export.csv` has the same
 * fields as snake_case columns), oldest first: what an HR system needs to match its own records.
 */
export const HireExportRow = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  expectedSerial: z.string().nullable(),
  status: HireStatus,
  latestVerdict: Verdict.nullable(),
  createdAt: Time,
  verifiedAt: Time.nullable(),
  externalId: z.string().nullable(),
});
export type HireExportRow = z.infer<typeof HireExportRow>;

/** Newest hires first; overdue ones most overdue first. `next` is null on the last page. */
export const HirePage = z.object({ hires: z.array(HireSummary), next: Cursor.nullable() });
export type HirePage = z.infer<typeof HirePage>;

const Count = z.number().int().nonnegative();
/** How many hires stand where; `total` is every hire. */
export const StatusCounts = z.object({
  total: Count,
  invited: Count,
  enrolled: Count,
  verified: Count,
  review: Count,
  failed: Count,
  overdue: Count,
  offboarded: Count,
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const PageQuery = (size: number) =>
  z.object({ cursor: Cursor.optional(), limit: limit(size) }).strict();

export const ReportSummary = z.object({
  id: z.uuid(),
  deviceId: z.string(),
  kind: ReportKind,
  issuedAt: Time,
  receivedAt: Time,
  verdict: Verdict,
  reasons: z.array(Reason),
  faceStatus: z.enum(['none', 'pending', 'done']),
  review: z.object({ by: z.string(), note: z.string().nullable() }).nullable(),
  hasFaceFrames: z.boolean(),
  /** When this report's face frames and movement traces were deleted (retention, withdrawal, offboarding). */
  faceFramesDeletedAt: Time.nullable(),
  /** Why the report was refused (its terms differed from its challenge), or null. */
  refusal: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** A hire's reports, newest first. */
export const ReportPage = z.object({ reports: z.array(ReportSummary), next: Cursor.nullable() });
export type ReportPage = z.infer<typeof ReportPage>;

/** One report with every check and its evidence, fetched when HR opens it. */
export const ReportDetail = ReportSummary.extend({
  hireId: z.uuid(),
  /** `server`: the server's own judgement; `device`: a report stored before the server judged. */
  judgedBy: z.enum(['server', 'device']),
  checks: z.array(CheckResult),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const DeviceView = z.object({
  id: z.string(),
  client: z.enum(['app', 'cli']),
  fingerprint: z.string(),
  keyThumbprint: z.string(),
  enrolledAt: Time,
  nextDueAt: Time,
  lastReportAt: Time.nullable(),
  /** When a device replacement or offboarding revoked its key (its signed requests are refused). */
  revokedAt: Time.nullable(),
});

export const HireDetail = HireSummary.extend({
  expectedDevice: z.object({ serial: z.string().nullable(), assetTag: z.string().nullable() }),
  photosDeletedAt: Time.nullable(),
  /**
   * The hire's face template was made by a face model the server no longer matches with, and no
   * retained ID photo could renew it: their reports go to review until HR sends a new ID photo.
   */
  newIdPhotoNeeded: z.boolean(),
  biometricConsentWithdrawnAt: Time.nullable(),
  offboardedAt: Time.nullable(),
  /** The HR system's employee id, when HR gave one. */
  externalId: z.string().nullable(),
  devices: z.array(DeviceView),
  /** The hire's messages, newest first, with what the mail server answered. */
  mail: z.array(MailDelivery),
  /** The first page of the timeline, newest first. */
  reports: z.array(ReportSummary),
  /** The cursor for the hire's reports route, when there are more. */
  nextReports: Cursor.nullable(),
});
export type HireDetail = z.infer<typeof HireDetail>;

/**
 * Another hire a farm signal linked this one to (README, Farm signals): which signal, what was
 * shared (a hardware id, or "the same client address" without the address), and when it was found.
 */
/** HR settled the link: who dismissed it, when and why (it then puts neither hire in review). */
export const LinkDismissal = z.object({ at: Time, by: z.string(), reason: z.string() });
export type LinkDismissal = z.infer<typeof LinkDismissal>;
export const LinkedHire = z.object({
  hireId: z.uuid(),
  name: z.string(),
  email: z.string(),
  status: HireStatus,
  check: z.enum(['farm.same-hardware', 'farm.same-place', 'farm.same-rhythm', 'farm.same-face']),
  signal: z.string(),
  shared: z.string(),
  foundAt: Time,
  dismissal: LinkDismissal.nullable(),
});
export type LinkedHire = z.infer<typeof LinkedHire>;
export const HireLinks = z.object({ hireId: z.uuid(), links: z.array(LinkedHire) });
export type HireLinks = z.infer<typeof HireLinks>;
/** The newest links across the company, one row per pair and signal. */
export const LinkPair = LinkedHire.omit({ status: true }).extend({
  fromHireId: z.uuid(),
  fromName: z.string(),
});
export type LinkPair = z.infer<typeof LinkPair>;
export const LinkPage = z.object({ links: z.array(LinkPair) });
export type LinkPage = z.infer<typeof LinkPage>;
/** The two hires of a link: the hire's page it is dismissed from, and the other hire. */
export const LinkParams = z.object({ id: z.uuid(), otherId: z.uuid() });
/** Why HR dismisses a link ("flatmates, known"): required, kept on the link and the audit trail. */
export const DismissLinkRequest = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export const LinkDismissed = z.object({
  hireId: z.uuid(),
  otherHireId: z.uuid(),
  dismissal: LinkDismissal,
  /** Reports that were in review for this link alone and now carry their verdict without it. */
  settledReports: z.array(z.uuid()),
});
export type LinkDismissed = z.infer<typeof LinkDismissed>;

export const AuditEntry = z.object({
  at: Time,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({
  hireId: z.uuid(),
  entries: z.array(AuditEntry),
  next: Cursor.nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const Delivery = z.object({
  webhookId: z.string(),
  reportId: z.string(),
  createdAt: z.string(),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  deliveredAt: Time.nullable(),
});
export const DeliveryPage = z.object({ deliveries: z.array(Delivery), next: Cursor.nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

export const WebhookRequest = z
  .object({
    url: z
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be http(s)')
      .refine(
        (u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u),
        'must use https',
      ),
  })
  .strict();
export const WebhookCreated = z.object({ id: z.uuid(), url: z.string(), secret: z.string() });

export const VerdictDay = z.object({
  /** UTC day, YYYY-MM-DD. */
  day: z.string(),
  pass: z.number().int(),
  review: z.number().int(),
  fail: z.number().int(),
});
export type VerdictDay = z.infer<typeof VerdictDay>;
export const VerdictStatsQuery = z
  .object({ days: z.coerce.number().int().min(1).max(366).default(30) })
  .strict();
export const VerdictStats = z.object({ from: z.string(), to: z.string(), days: z.array(VerdictDay) });

export const ReviewRequest = z
  .object({ decision: z.enum(['pass', 'fail']), note: z.string().trim().min(1).max(2000) })
  .strict();
export const ReviewResponse = z.object({ reportId: z.uuid(), verdict: Verdict });

export const FaceFrames = z.object({
  reportId: z.uuid(),
  frames: z.array(z.object({ mediaType: z.string(), data: z.string() })),
});

export const SignInRequest = z.object({ token: z.string().min(1).max(200) }).strict();
/** What a person signed in may do (`hr-roles.ts` says which routes each role reaches). */
export const Role = z.enum(['hr-admin', 'reviewer', 'it-helpdesk']);
export type Role = z.infer<typeof Role>;
/** `emailsHires`: the service has a mail server, so the dashboard offers to email codes. */
export const SessionInfo = z.object({ actor: z.string(), role: Role, emailsHires: z.boolean() });
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionStarted = SessionInfo.extend({ expiresAt: Time });
/** `logoutUrl`: the OpenID provider's end-session page, to end the sign-in there too. */
export const SignedOut = z.object({ signedOut: z.literal(true), logoutUrl: z.url().optional() });
/** A role HR gave a person by email (their provider's groups win over it). */
export const AssignedRole = z.object({ email: z.string(), role: Role, assignedAt: Time });
export type AssignedRole = z.infer<typeof AssignedRole>;
export const AssignedRoles = z.object({ people: z.array(AssignedRole) });
/** `role: null` takes the assigned role away. */
export const AssignRoleRequest = z.object({ email: z.email().max(254), role: Role.nullable() }).strict();
export const RoleAssigned = z.object({ email: z.string(), role: Role.nullable() });
/** How the sign-in page offers to sign in: with the OpenID provider (by its name) when one is set up. */
export const SignInOptions = z.object({ oidc: z.object({ providerName: z.string() }).nullable() });
export type SignInOptions = z.infer<typeof SignInOptions>;

/** One route: what it takes and what it answers with (JSON unless `response` is null). */
export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  status: 200 | 201;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | null;
}

export const endpoint = <E extends Endpoint>(e: E) => e;

export const hrApi = {
  createHire: endpoint({
    method: 'POST',
    path: '/v1/hires',
    status: 201,
    body: CreateHireRequest,
    response: EnrolmentCodeIssued,
  }),
  newEnrolmentCode: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/enrolment-codes',
    status: 201,
    params: ById,
    body: NewCodeRequest,
    response: EnrolmentCodeIssued,
  }),
  replaceDevice: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/device-replacement',
    status: 201,
    params: ById,
    body: NewCodeRequest,
    response: DeviceReplaced,
  }),
  listHires: endpoint({
    method: 'GET',
    path: '/v1/hires',
    status: 200,
    query: HireListQuery,
    response: HirePage,
  }),
  hireCounts: endpoint({ method: 'GET', path: '/v1/stats/hires', status: 200, response: StatusCounts }),
  hire: endpoint({ method: 'GET', path: '/v1/hires/:id', status: 200, params: ById, response: HireDetail }),
  replaceIdPhoto: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/id-photo',
    status: 200,
    params: ById,
    body: ReplaceIdPhotoRequest,
    response: IdPhotoReplaced,
  }),
  hireReports: endpoint({
    method: 'GET',
    path: '/v1/hires/:id/reports',
    status: 200,
    params: ById,
    query: PageQuery(PAGE_SIZE.reports),
    response: ReportPage,
  }),
  deviceCheckCode: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/device-check-codes',
    status: 201,
    params: ById,
    response: CreateHireResponse,
  }),
  report: endpoint({
    method: 'GET',
    path: '/v1/reports/:id',
    status: 200,
    params: ById,
    response: ReportDetail,
  }),
  review: endpoint({
    method: 'POST',
    path: '/v1/reports/:id/review',
    status: 200,
    params: ById,
    body: ReviewRequest,
    response: ReviewResponse,
  }),
  frames: endpoint({
    method: 'GET',
    path: '/v1/reports/:id/frames',
    status: 200,
    params: ById,
    response: FaceFrames,
  }),
  /** The ID photo's bytes (an image), for an <img>. */
  photo: endpoint({ method: 'GET', path: '/v1/hires/:id/photo', status: 200, params: ById, response: null }),
  audit: endpoint({
    method: 'GET',
    path: '/v1/hires/:id/audit',
    status: 200,
    params: ById,
    query: PageQuery(PAGE_SIZE.audit),
    response: AuditPage,
  }),
  hireLinks: endpoint({
    method: 'GET',
    path: '/v1/hires/:id/links',
    status: 200,
    params: ById,
    response: HireLinks,
  }),
  links: endpoint({ method: 'GET', path: '/v1/links', status: 200, response: LinkPage }),
  dismissLink: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/links/:otherId/dismissal',
    status: 200,
    params: LinkParams,
    body: DismissLinkRequest,
    response: LinkDismissed,
  }),
  verdictStats: endpoint({
    method: 'GET',
    path: '/v1/stats/verdicts',
    status: 200,
    query: VerdictStatsQuery,
    response: VerdictStats,
  }),
  /** Every hire as CSV, streamed. */
  exportCsv: endpoint({ method: 'GET', path: '/v1/export.csv', status: 200, response: null }),
  /** The same rows as JSON (`HireExportRow`s in one array), streamed. */
  exportJson: endpoint({ method: 'GET', path: '/v1/export.json', status: 200, response: null }),
  createWebhook: endpoint({
    method: 'POST',
    path: '/v1/webhooks',
    status: 201,
    body: WebhookRequest,
    response: WebhookCreated,
  }),
  deliveries: endpoint({
    method: 'GET',
    path: '/v1/webhooks/deliveries',
    status: 200,
    query: PageQuery(PAGE_SIZE.deliveries),
    response: DeliveryPage,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/v1/session',
    status: 200,
    body: SignInRequest,
    response: SessionStarted,
  }),
  session: endpoint({ method: 'GET', path: '/v1/session', status: 200, response: SessionInfo }),
  signOut: endpoint({ method: 'DELETE', path: '/v1/session', status: 200, response: SignedOut }),
  people: endpoint({ method: 'GET', path: '/v1/people', status: 200, response: AssignedRoles }),
  assignRole: endpoint({
    method: 'POST',
    path: '/v1/people',
    status: 200,
    body: AssignRoleRequest,
    response: RoleAssigned,
  }),
  signInOptions: endpoint({
    method: 'GET',
    path: '/v1/session/options',
    status: 200,
    response: SignInOptions,
  }),
  /** Redirects the browser to the OpenID provider. */
  oidcSignIn: endpoint({ method: 'GET', path: '/v1/session/oidc', status: 200, response: null }),
  /** The provider sends the browser back here; it is redirected to the dashboard, signed in or told why not. */
  oidcCallback: endpoint({
    method: 'GET',
    path: '/v1/session/oidc/callback',
    status: 200,
    response: null,
  }),
  offboard: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/offboarding',
    status: 200,
    params: ById,
    response: Offboarded,
  }),
  eraseHire: endpoint({
    method: 'DELETE',
    path: '/v1/hires/:id',
    status: 200,
    params: ById,
    response: Erased,
  }),
  withdrawBiometricConsent: endpoint({
    method: 'POST',
    path: '/v1/hires/:id/biometric-consent/withdrawal',
    status: 200,
    params: ById,
    response: BiometricWithdrawal,
  }),
  health: endpoint({
    method: 'GET',
    path: '/healthz',
    status: 200,
    response: z.object({ ok: z.literal(true) }),
  }),
} as const;
export type HrApi = typeof hrApi;
