import type { z } from 'zod';
import {
  ApiError,
  BiometricWithdrawal,
  ChallengeResponse,
  DeviceSchedule,
  EnrolmentCodeIssued,
  EnrolmentResponse,
  PrivacyTerms,
  ReportAck,
  type CreateHireRequest,
  type EnrolmentRequest,
} from '../contract/protocol';
import type { DeviceSigner } from '../identity/device-signer';
import { deviceAuthorization } from '../identity/sign-request';

/** How long a call to the HR service may take before it counts as unanswered. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Why a request never got an answer, in words, with the system's code for whoever debugs it. */
function whyUnreachable(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if ((error as Error).name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  // fetch says only "fetch failed"; its cause says why (a port browsers never call, say).
  if (!code) return cause?.message ?? (error as Error).message;
  if (code === 'ECONNREFUSED') return `nothing is listening there (${code})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `no such host (${code})`;
  if (code === 'ECONNRESET') return `the connection was cut (${code})`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return `its TLS certificate is not trusted by this machine (${code})`;
  return code;
}

/** A failed call to the HR service, with the server's own error code when it gave one. */
export class HrServiceError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
  ) {
    super(message);
  }
}

async function callJson<T extends z.ZodType>(
  server: string,
  path: string,
  body: unknown,
  schema: T,
  headers: Record<string, string> = {},
  signer?: DeviceSigner,
  now?: Date,
): Promise<z.infer<T>> {
  const url = new URL(path, server);
  const method = body === undefined ? 'GET' : 'POST';
  const text = body === undefined ? '' : JSON.stringify(body);
  const sent: Record<string, string> = { ...headers };
  if (body !== undefined) sent['content-type'] = 'application/json';
  if (signer)
    sent.authorization = await deviceAuthorization(
      signer,
      { method, path: url.pathname + url.search, body: text },
      now,
    );
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: sent,
      ...(body === undefined ? {} : { body: text }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new HrServiceError(
      `cannot reach the HR service at ${url.origin}: ${whyUnreachable(error)}`,
      null,
      'network',
    );
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(json);
    const detail = error.success
      ? `${error.data.error.message} (${error.data.error.code})`
      : `HTTP ${response.status}`;
    throw new HrServiceError(
      `the HR service refused ${path}: ${detail}`,
      response.status,
      error.success ? error.data.error.code : `http.${response.status}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new HrServiceError(
      `the HR service sent an unexpected answer to ${path}`,
      response.status,
      'protocol',
    );
  return parsed.data;
}

export const enrolDevice = (server: string, request: EnrolmentRequest) =>
  callJson(server, '/v1/enrolments', request, EnrolmentResponse);

/** The terms of the next report, asked for with a request the device key signs. */
export const takeChallenge = (server: string, signer: DeviceSigner) =>
  callJson(server, '/v1/challenges', {}, ChallengeResponse, {}, signer);

/** When the server wants this device's next re-attestation; `now` is the device's clock. */
export const getSchedule = (server: string, deviceId: string, signer: DeviceSigner, now?: Date) =>
  callJson(
    server,
    `/v1/devices/${encodeURIComponent(deviceId)}/schedule`,
    undefined,
    DeviceSchedule,
    {},
    signer,
    now,
  );

/** One of this device's reports as the server judges it now (after its face job, say). */
export const getReportVerdict = (server: string, deviceId: string, reportId: string, signer: DeviceSigner) =>
  callJson(
    server,
    `/v1/devices/${encodeURIComponent(deviceId)}/reports/${encodeURIComponent(reportId)}`,
    undefined,
    ReportAck,
    {},
    signer,
  );

/** The retention the consent screen states: public, asked before the hire enrols. */
export const getPrivacyTerms = (server: string) => callJson(server, '/v1/privacy', undefined, PrivacyTerms);

/** The hire withdraws biometric consent: the server deletes the hire's biometric data. */
export const withdrawBiometricConsent = (server: string, deviceId: string, signer: DeviceSigner) =>
  callJson(
    server,
    `/v1/devices/${encodeURIComponent(deviceId)}/biometric-consent/withdrawal`,
    {},
    BiometricWithdrawal,
    {},
    signer,
  );

/** HR's side: creates a hire with its ID photo and gets the one-time enrolment code (and the invitation, when emailed). */
export const createHire = (server: string, adminToken: string, request: CreateHireRequest) =>
  callJson(server, '/v1/hires', request, EnrolmentCodeIssued, { authorization: `Bearer ${adminToken}` });
