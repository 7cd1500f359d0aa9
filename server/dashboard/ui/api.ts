import type { z } from 'zod';
import { hrApi, type Endpoint } from '../../../main/contract/hr-api';
import { ApiError as ApiErrorBody } from '../../../main/contract/hr-api';

export type {
  AuditEntry,
  EnrolmentCodeIssued,
  HireDetail,
  HireListQuery,
  HireStatus,
  HireSummary,
  LinkedHire,
  LinkPair,
  MailDelivery,
  ReportDetail,
  ReportSummary,
  StatusCounts,
  VerdictDay,
} from '../../../main/contract/hr-api';
export type { CreateHireRequest as NewHire } from '../../../main/contract/hr-api';

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

type Part<S, K extends string> = S extends z.ZodType ? { [P in K]: z.input<S> } : { [P in K]?: never };
/** What a route takes: its path parameters, query and body, typed from the contract. */
export type Input<E extends Endpoint> = Part<E['params'], 'params'> &
  Partial<Part<E['query'], 'query'>> &
  Part<E['body'], 'body'>;

/** Path parameters and query values are ids, words and numbers. */
const textOf = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** The address of a route with its parameters and query filled in. */
export function urlOf<E extends Endpoint>(endpoint: E, input: Input<E>): string {
  const params = new Map<string, unknown>(Object.entries(input.params ?? {}));
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(textOf(params.get(name))),
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {}))
    if (textOf(value) !== '') query.set(key, textOf(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The dashboard's one way to the HR API: the same routes an API token reaches, with the session
 * cookie. Every answer is parsed with the route's response schema, so a page never renders what
 * the contract does not promise.
 */
export async function call<S extends z.ZodType, E extends Endpoint>(
  endpoint: E & { response: S },
  input: Input<E>,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(urlOf(endpoint, input), {
      method: endpoint.method,
      credentials: 'same-origin',
      headers: input.body === undefined ? {} : { 'content-type': 'application/json' },
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
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
    const refusal = ApiErrorBody.safeParse(json);
    throw refusal.success
      ? new ApiError(response.status, refusal.data.error.code, refusal.data.error.message)
      : new ApiError(response.status, 'unknown', `the HR service answered ${response.status}`);
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success)
    throw new ApiError(response.status, 'bad-response', 'the HR service answered with something unexpected');
  return parsed.data;
}

/** An <img> source for a hire's ID photo: the browser sends the session cookie; the server audits each fetch. */
export const photoUrl = (hireId: string) => urlOf(hrApi.photo, { params: { id: hireId } });

export { hrApi };
