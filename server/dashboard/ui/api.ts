import type { CheckResult, EvidenceRow, Verdict } from '../../../main/contract/checks';
import type { Reason } from '../../../main/contract/protocol';
import type { HireStatus } from '../../hires/hire-status';

/** What the dashboard reads from the HR API (the same routes an API token reaches). */
export interface HireSummary {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  verifiedAt: string | null;
  status: HireStatus;
}

export interface ReportView {
  id: string;
  deviceId: string;
  kind: string;
  issuedAt: string;
  receivedAt: string;
  verdict: Verdict;
  reasons: Reason[];
  faceStatus: 'none' | 'pending' | 'done';
  review: { by: string; note: string | null } | null;
  checks: CheckResult[];
  hasFaceFrames: boolean;
  faceFramesDeletedAt: string | null;
}

export interface HireDetail extends HireSummary {
  expectedDevice: { serial: string | null; assetTag: string | null };
  photosDeletedAt: string | null;
  devices: {
    id: string;
    fingerprint: string;
    keyThumbprint: string;
    enrolledAt: string;
    nextDueAt: string;
    lastReportAt: string | null;
  }[];
  reports: ReportView[];
}

export interface VerdictDay {
  day: string;
  pass: number;
  review: number;
  fail: number;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface NewHire {
  name: string;
  email: string;
  expectedDevice?: { serial?: string; assetTag?: string };
  idPhoto: string;
}

export type { EvidenceRow };

/** A refusal from the API, with its code and the server's own words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'the HR service cannot be reached; check the connection and retry');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      response.status,
      'bad-response',
      `the HR service answered ${response.status}, not JSON`,
    );
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? `the HR service answered ${response.status}`,
    );
  }
  return json as T;
}

export const api = {
  signIn: (token: string) => call<{ actor: string; expiresAt: string }>('POST', '/v1/session', { token }),
  session: () => call<{ actor: string }>('GET', '/v1/session'),
  signOut: () => call<{ signedOut: true }>('DELETE', '/v1/session'),
  hires: () => call<{ hires: HireSummary[] }>('GET', '/v1/hires'),
  hire: (id: string) => call<HireDetail>('GET', `/v1/hires/${encodeURIComponent(id)}`),
  createHire: (hire: NewHire) =>
    call<{ id: string; code: string; codeExpiresAt: string }>('POST', '/v1/hires', hire),
  verdicts: (days: number) =>
    call<{ from: string; to: string; days: VerdictDay[] }>('GET', `/v1/stats/verdicts?days=${days}`),
  frames: (reportId: string) =>
    call<{ reportId: string; frames: { mediaType: string; data: string }[] }>(
      'GET',
      `/v1/reports/${encodeURIComponent(reportId)}/frames`,
    ),
  review: (reportId: string, decision: 'pass' | 'fail', note: string) =>
    call<{ reportId: string; verdict: Verdict }>(
      'POST',
      `/v1/reports/${encodeURIComponent(reportId)}/review`,
      { decision, note },
    ),
  audit: (hireId: string) =>
    call<{ hireId: string; entries: AuditEntry[] }>('GET', `/v1/hires/${encodeURIComponent(hireId)}/audit`),
  /** An <img> source: the browser sends the session cookie; the server audits each fetch. */
  photoUrl: (hireId: string) => `/v1/hires/${encodeURIComponent(hireId)}/photo`,
};
