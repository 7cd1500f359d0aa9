import { describe, expect, it } from 'vitest';
import type { ChecksReport } from '../../main/contract/checks';
import { ipcChannel, ipcMethods } from '../../main/contract/ipc';
import type { IpcHandlers } from '../../main/ipc/dispatch';
import {
  isTrustedSender,
  registerIpc,
  type IpcMainLike,
  type SenderFrame,
} from '../../main/ipc/electron-ipc';
import { notEnrolled } from '../support/device-status';

const status = notEnrolled;

/** Handlers that record what reached them: a call that fails validation must never arrive. */
function recordingHandlers() {
  const calls: [string, unknown][] = [];
  const record =
    (name: string, answer: unknown) =>
    (request: unknown): Promise<never> => {
      calls.push([name, request]);
      return Promise.resolve(answer as never);
    };
  const report: ChecksReport = {
    schema: 'hireproof.checks/v1',
    verdict: 'pass',
    platform: 'linux',
    durationMs: 1,
    checks: [],
  };
  const handlers = {
    getStatus: record('getStatus', status),
    getConsentTerms: record('getConsentTerms', { retentionDays: 30, unverifiedRetentionDays: 90 }),
    recordConsent: record('recordConsent', status),
    withdrawBiometricConsent: record('withdrawBiometricConsent', status),
    enrol: record('enrol', status),
    runChecks: record('runChecks', report),
    rerunCheck: record('rerunCheck', { not: 'a check result' }),
    getIdentity: record('getIdentity', null),
    getOutbox: record('getOutbox', { queued: [], refused: [] }),
    beginCameraStep: record('beginCameraStep', null),
    submitAttestation: record('submitAttestation', null),
    deferReattestation: record('deferReattestation', status),
    exportDiagnostics: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'export.failed' })),
    refreshVerdict: record('refreshVerdict', null),
    takeEnrolLink: record('takeEnrolLink', { code: null }),
  } as IpcHandlers;
  return { handlers, calls };
}

function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const call = (channel: string, payload: unknown, frame: SenderFrame | null = ourFrame) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler({ senderFrame: frame }, payload));
  };
  return { ipcMain, handlers, call };
}

const ourFrame: SenderFrame = { url: 'app://hireproof/index.html', parent: null };

describe('IPC sender check', () => {
  it('trusts only our page in the top frame', () => {
    expect(isTrustedSender(ourFrame)).toBe(true);
    expect(isTrustedSender({ url: 'app://hireproof/index.html#/helpdesk', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://hireproof/index.html', parent: ourFrame })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://hireproof.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('IPC handlers', () => {
  it('registers one channel per contract method and removes them all', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, recordingHandlers().handlers);
    expect([...handlers.keys()].sort()).toEqual(
      (Object.keys(ipcMethods) as (keyof typeof ipcMethods)[]).map((m) => ipcChannel(m)).sort(),
    );
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers a valid call from our page', async () => {
    const { ipcMain, call } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpc(ipcMain, handlers);
    expect(await call(ipcChannel('getStatus'), {})).toEqual({ ok: true, value: status });
    expect(await call(ipcChannel('enrol'), { code: ' abcd-efgh-jkmn-pqrs ' })).toMatchObject({ ok: true });
    // The handler gets the parsed request (the code normalised), not what the renderer sent.
    expect(calls).toEqual([
      ['getStatus', {}],
      ['enrol', { code: 'ABCD-EFGH-JKMN-PQRS' }],
    ]);
  });

  it('refuses a call from any other frame before parsing or running anything', async () => {
    const { ipcMain, call } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpc(ipcMain, handlers);
    const reply = await call(ipcChannel('getStatus'), {}, { url: 'https://evil.example/', parent: null });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    const framed = await call(
      ipcChannel('runChecks'),
      {},
      { url: 'app://hireproof/index.html', parent: ourFrame },
    );
    expect(framed).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(calls).toEqual([]);
  });

  it.each<[string, string, unknown]>([
    ['a malformed enrolment code', 'enrol', { code: 'letmein' }],
    ['a missing field', 'enrol', {}],
    ['an extra field', 'getStatus', { admin: true }],
    ['a wrong type', 'recordConsent', { biometric: 'yes' }],
    ['not an object', 'runChecks', 'rm -rf /'],
    ['null', 'getOutbox', null],
    ['a bad check id', 'rerunCheck', { id: '../../etc/passwd' }],
    [
      'a report kind (the server decides it)',
      'submitAttestation',
      { kind: 'onboarding', input: null, face: null, liveness: null },
    ],
    [
      'face frames that are not base64',
      'submitAttestation',
      {
        input: null,
        liveness: null,
        face: {
          camera: { label: 'c', id: 'c' },
          backend: 'x',
          frames: ['<script>'],
          match: null,
          humanCheckRequested: false,
        },
      },
    ],
  ])('rejects %s without calling the service', async (_name, method, payload) => {
    const { ipcMain, call } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpc(ipcMain, handlers);
    const reply = await call(ipcChannel(method as keyof typeof ipcMethods), payload);
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(new RegExp(`^${method}: `));
    expect(calls).toEqual([]);
  });

  it('never lets an answer outside the contract reach the renderer', async () => {
    const { ipcMain, call } = fakeIpcMain();
    registerIpc(ipcMain, recordingHandlers().handlers);
    expect(await call(ipcChannel('rerunCheck'), { id: 'remote.tools' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.bad-response' },
    });
  });

  it("turns a service's failure into a reply with its code", async () => {
    const { ipcMain, call } = fakeIpcMain();
    registerIpc(ipcMain, recordingHandlers().handlers);
    expect(await call(ipcChannel('exportDiagnostics'), {})).toEqual({
      ok: false,
      error: { code: 'export.failed', message: 'disk full' },
    });
  });
});
