import type { Generated } from 'kysely';
import type { HireStatus, MailKind, MailStatus, Role } from '../../main/contract/hr-api';

/** A hire's standing without the clock; `overdue` is added at read time from `roster.due_at`. */
export type Standing = Exclude<HireStatus, 'overdue'>;

/**
 * The HR service's tables. Times are ISO-8601 UTC strings (sortable, identical on SQLite and
 * PostgreSQL); JSON is stored as text; photos and frames are encrypted bytes.
 */
export interface Database {
  hires: {
    id: string;
    name: string;
    email: string;
    expected_serial: string | null;
    expected_asset_tag: string | null;
    id_photo: Buffer | null;
    /** The face template (the server recognizer's reading of the ID photo, JSON, naming its model), sealed; kept until offboarding. */
    face_template: Buffer | null;
    /** `needs-photo`: the template is from an older model and no retained ID photo can renew it. */
    face_status: 'pending' | 'ready' | 'needs-photo';
    created_at: string;
    verified_at: string | null;
    photos_deleted_at: string | null;
    /** The hire (in the app) or HR withdrew biometric consent: no face is taken or kept; a person checks. */
    biometric_withdrawn_at: string | null;
    /** HR offboarded the hire: the face template is deleted and the hire's devices re-attest no more. */
    offboarded_at: string | null;
    /** The HR system's employee id, unique when set. */
    external_id: Generated<string | null>;
  };
  /**
   * One row per hire as HR's list shows it, kept current in the transaction that changes any of it
   * (enrolment, report, face re-check, review): narrow rows, so pages, filters, counts and the CSV
   * export read indexes and never the hires' photos or the reports' payloads.
   */
  roster: {
    hire_id: string;
    name: string;
    email: string;
    expected_serial: string | null;
    external_id: Generated<string | null>;
    created_at: string;
    verified_at: Generated<string | null>;
    /** Where the hire stands, apart from the clock: overdue is `due_at` passed, decided at read time. */
    standing: Generated<Standing>;
    latest_verdict: Generated<'pass' | 'review' | 'fail' | null>;
    latest_report_at: Generated<string | null>;
    /** The earliest re-attestation date of the hire's app devices. */
    due_at: Generated<string | null>;
    /** Name and email, lower-cased, for HR's search. */
    search_text: string;
  };
  /** How many hires stand where (overdue is counted at read time), sharded like `report_counts`. */
  standing_counts: {
    standing: Standing;
    shard: number;
    count: number;
  };
  /** Reports received per UTC day and current verdict, in a few shards so concurrent writers rarely meet. */
  report_counts: {
    day: string;
    verdict: 'pass' | 'review' | 'fail';
    shard: number;
    count: number;
  };
  /** Requests per key (a device, an address) per minute, shared by every server on one PostgreSQL. */
  rate_limits: {
    key: string;
    period: number;
    count: number;
  };
  enrolment_codes: {
    code_hash: string;
    hire_id: string;
    expires_at: string;
    used_at: string | null;
    /** `hire`: enrols the hire's first device; `device-check`: a further key for the headless command. */
    purpose: 'hire' | 'device-check';
    /** HR issued a newer code (a resend, a device replacement, offboarding): this one enrols nothing. */
    voided_at: Generated<string | null>;
  };
  devices: {
    id: string;
    hire_id: string;
    public_jwk: string;
    key_thumbprint: string;
    identity: string;
    fingerprint: string;
    enrolled_at: string;
    next_due_at: string;
    last_report_at: string | null;
    client: 'app' | 'cli';
    /** A replacement or offboarding revoked the key: its signed requests are refused from then on. */
    revoked_at: Generated<string | null>;
  };
  nonces: {
    nonce: string;
    device_id: string;
    expires_at: string;
    used_at: string | null;
    /** The challenge's terms: the report kind and the evidence (JSON) it must carry. */
    kind: string | null;
    evidence: string | null;
  };
  /** One-time ids of signed device requests, kept until they could no longer be replayed. */
  device_requests: {
    jti: string;
    expires_at: string;
  };
  reports: {
    id: string;
    device_id: string;
    hire_id: string;
    jws_hash: string;
    kind: string;
    issued_at: string;
    received_at: string;
    payload: string;
    frames: Buffer | null;
    verdict: 'pass' | 'review' | 'fail';
    reasons: string;
    face_status: 'none' | 'pending' | 'done';
    reviewed_by: string | null;
    review_note: string | null;
    /** Set when the report was refused (its terms differed from its challenge): the error code. */
    refusal: string | null;
    /** The liveness run's landmark trace (JSON), sealed apart from the payload: biometric. */
    liveness_trace: Buffer | null;
    /** When retention, a withdrawal or offboarding deleted this report's frames and trace. */
    biometrics_deleted_at: string | null;
  };
  jobs: {
    id: string;
    kind: string;
    payload: string;
    run_at: string;
    attempts: number;
    locked_until: string | null;
    done_at: string | null;
    last_error: string | null;
    /** Whose work this is (a hire, a webhook): the runner takes turns between them. */
    fair_key: string;
  };
  webhooks: {
    id: string;
    url: string;
    /** The signing secret, sealed: shown once, at creation. */
    sealed_secret: Buffer;
    created_at: string;
  };
  webhook_deliveries: {
    id: string;
    webhook_id: string;
    report_id: string;
    created_at: string;
    attempts: number;
    last_status: number | null;
    delivered_at: string | null;
  };
  admin_tokens: {
    id: string;
    name: string;
    token_hash: string;
    created_at: string;
    /** Set by `hireproof admin token revoke` (or a new bootstrap token): refused from then on. */
    revoked_at: string | null;
    role: Generated<Role>;
  };
  sessions: {
    id_hash: string;
    actor: string;
    created_at: string;
    expires_at: string;
    /** The API token the session was opened with: its revocation ends the session (null: OpenID). */
    token_id: string | null;
    /** An OpenID session's role, fixed at sign-in (a token session's is its token's). */
    role: Role | null;
    /** The email of the person an OpenID session is for. */
    person: string | null;
    /** The provider's ID token, the hint its end-session page wants. */
    id_token: string | null;
  };
  /** Roles HR assigned to people by email; the provider's groups win over them. */
  people: {
    email: string;
    role: Role;
    assigned_at: string;
  };
  /** Provider sign-ins under way, by the hash of their state: each is used once. */
  sign_in_attempts: {
    state_hash: string;
    code_verifier: string;
    nonce: string;
    expires_at: string;
  };
  /** The server's own keys (the farm signals' hashing key), sealed with the photo key. */
  server_keys: {
    id: string;
    sealed: Buffer;
    created_at: string;
  };
  /**
   * What a hire's reports showed that another hire's could share (see server/farm): a keyed hash
   * of the hardware id or network, never the address itself; `shown` is what HR may read of it.
   */
  farm_marks: {
    kind: string;
    mark: string;
    hire_id: string;
    shown: string;
    first_seen_at: string;
    last_seen_at: string;
  };
  /** Two hires a farm signal linked, one row per direction and signal; `evidence` is JSON. */
  hire_links: {
    hire_id: string;
    other_hire_id: string;
    signal: string;
    evidence: string;
    found_at: string;
    /** HR dismissed the link (both rows of the pair, every signal): it no longer puts either hire in review. */
    dismissed_at: string | null;
    dismissed_by: string | null;
    dismissal_reason: string | null;
  };
  /**
   * Each message to a hire (an invitation with its code, a reminder of an overdue re-attestation)
   * and what the mail server answered. The code travels sealed, only until the server accepts it.
   */
  mail_deliveries: {
    id: string;
    hire_id: string;
    kind: MailKind;
    recipient: string;
    /** A reminder's due date: one reminder per date. */
    due_at: string | null;
    created_at: string;
    status: MailStatus;
    attempts: number;
    /** The mail server's last answer (or why it could not be reached). */
    response: string | null;
    finished_at: string | null;
    sealed_code: Buffer | null;
  };
  /** One row sealed with the database's photo key: start-up refuses a key that does not open it. */
  seal_check: {
    id: string;
    sealed: Buffer;
    created_at: string;
  };
  audit_log: {
    id: Generated<number>;
    at: string;
    actor: string;
    action: string;
    target: string;
    /** The hire the entry is about (its own or one of its reports'), for the hire's trail. */
    hire_id: string | null;
    detail: string;
  };
}
