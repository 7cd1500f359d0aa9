import type { z } from 'zod';
import {
  ApiError,
  ChallengeResponse,
  DeviceSchedule,
  CreateHireResponse,
  EnrolmentResponse,
  type CreateHireRequest,
  type EnrolmentRequest,
} from '../contract/protocol';

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
): Promise<z.infer<T>> {
  const url = new URL(path, server);
  let response: Response;
  try {
    response = await fetch(url, {
      ...(body === undefined
        ? { method: 'GET' }
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify(body),
          }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new HrServiceError(`cannot reach the HR service at ${url.origin} (${cause})`, null, 'network');
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

export const takeChallenge = (server: string, deviceId: string) =>
  callJson(server, '/v1/challenges', { deviceId }, ChallengeResponse);

export const getSchedule = (server: string, deviceId: string) =>
  callJson(server, `/v1/devices/${encodeURIComponent(deviceId)}/schedule`, undefined, DeviceSchedule);

/** HR's side: creates a hire with its ID photo and gets the one-time enrolment code. */
export const createHire = (server: string, adminToken: string, request: CreateHireRequest) =>
  callJson(server, '/v1/hires', request, CreateHireResponse, { authorization: `Bearer ${adminToken}` });
