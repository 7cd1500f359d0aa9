import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { EnrolmentRequest } from '../../main/contract/protocol';
import { verifyReport, type NonceState } from '../../main/contract/verify-report';

/**
 * A small HR service for the app's end-to-end tests until server/ lands: the real protocol
 * schemas and the real report verifier, one hire, state in memory. Its "policy" is the checks'
 * own verdict; the real service computes its own.
 */
export interface HrStandIn {
  url: string;
  /** Reports it accepted, verified. */
  reports: { reportId: string; verdict: string; kind: string; hasFace: boolean }[];
  setOverdue(overdue: boolean): void;
  /** Pins the schedule it answers (null: a week ahead, or two days late when overdue). */
  setSchedule(schedule: { nextDueAt: string; overdue: boolean } | null): void;
  close(): Promise<void>;
}

export async function startHrStandIn(
  hire: {
    name: string;
    code: string;
    faceDescriptor: number[] | null;
  },
  /** The device policy sent at enrolment; by default one written before the app-behaviour fields existed. */
  policy: unknown = { allowTools: [], checks: {} },
): Promise<HrStandIn> {
  let codeUsed = false;
  let overdue = false;
  let pinned: { nextDueAt: string; overdue: boolean } | null = null;
  const devices = new Map<string, { deviceId: string; publicJwk: JWK }>();
  const nonces = new Map<string, { deviceId: string; used: boolean; expires: number }>();
  const reports: HrStandIn['reports'] = [];

  const json = (response: ServerResponse, status: number, value: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  const error = (response: ServerResponse, status: number, code: string, message: string) =>
    json(response, status, { error: { code, message } });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://x').pathname;

    if (request.method === 'POST' && path === '/v1/enrolments') {
      const parsed = EnrolmentRequest.safeParse(JSON.parse(body));
      if (!parsed.success) return error(response, 400, 'request.invalid', parsed.error.message);
      if (parsed.data.code !== hire.code || codeUsed)
        return error(response, 410, 'code.used', 'this code was already used');
      codeUsed = true;
      const deviceId = randomUUID();
      devices.set(await calculateJwkThumbprint(parsed.data.publicKey, 'sha256'), {
        deviceId,
        publicJwk: parsed.data.publicKey,
      });
      return json(response, 201, {
        deviceId,
        hire: { name: hire.name },
        reference: { faceDescriptor: hire.faceDescriptor },
        policy,
      });
    }
    if (request.method === 'POST' && path === '/v1/challenges') {
      const { deviceId } = JSON.parse(body) as { deviceId: string };
      if (![...devices.values()].some((d) => d.deviceId === deviceId))
        return error(response, 404, 'device.unknown', 'unknown device');
      const nonce = randomBytes(24).toString('base64url');
      nonces.set(nonce, { deviceId, used: false, expires: Date.now() + 5 * 60_000 });
      return json(response, 201, { nonce, expiresAt: new Date(Date.now() + 5 * 60_000).toISOString() });
    }
    if (request.method === 'POST' && path === '/v1/reports') {
      const verified = await verifyReport(body, {
        keyFor: (kid) => Promise.resolve(devices.get(kid) ?? null),
        consumeNonce: (deviceId, nonce): Promise<NonceState> => {
          const entry = nonces.get(nonce);
          if (!entry || entry.deviceId !== deviceId) return Promise.resolve('unknown');
          if (entry.used) return Promise.resolve('used');
          if (entry.expires < Date.now()) return Promise.resolve('expired');
          entry.used = true;
          return Promise.resolve('ok');
        },
        now: new Date(),
      });
      if (!verified.ok) return error(response, 422, verified.code, verified.message);
      const { payload } = verified;
      const reasons = payload.checks.checks
        .filter((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'error')
        .map((c) => ({ check: c.id, message: c.summary }));
      reports.push({
        reportId: payload.reportId,
        verdict: payload.checks.verdict,
        kind: payload.kind,
        hasFace: payload.face !== null,
      });
      overdue = false;
      return json(response, 201, { reportId: payload.reportId, verdict: payload.checks.verdict, reasons });
    }
    const schedule = /^\/v1\/devices\/([\w-]+)\/schedule$/.exec(path);
    if (request.method === 'GET' && schedule) {
      if (pinned) return json(response, 200, pinned);
      const due = Date.now() + (overdue ? -2 : 7) * 86_400_000;
      return json(response, 200, { nextDueAt: new Date(due).toISOString(), overdue });
    }
    return error(response, 404, 'not-found', `${request.method} ${path}`);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((e: unknown) => error(response, 400, 'request.invalid', String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reports,
    setOverdue: (value) => void (overdue = value),
    setSchedule: (value) => void (pinned = value),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
