import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMethod, IpcRequest, IpcResponse } from '../../main/contract/ipc';
import { defaultPolicy } from '../../main/contract/policy';
import { oneMoreDeferral, reattestationPrompt } from '../../main/device/reattestation-deferrals';
import { dispatch, type IpcHandlers } from '../../main/ipc/dispatch';
import { ServerPolicy } from '../../server/server-policy';
import { committedFaces } from '../face/face-fixtures';
import { createHire, startTestServer } from '../support/hr-service';
import { laptopDevice } from '../support/laptop-device';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * HOUR_MS).toISOString();

describe('the re-attestation prompt window and deferral count', () => {
  const policy = defaultPolicy.reattestation;

  it('asks from the policy window before the due time, and always once overdue', () => {
    const ask = (h: number, overdue = false) =>
      reattestationPrompt({ nextDueAt: hoursFromNow(h), overdue }, policy, null, NOW);
    expect(ask(25)).toEqual({ due: false, deferralsLeft: 2 });
    expect(ask(24)).toEqual({ due: true, deferralsLeft: 2 });
    // The server's word on overdue wins over the device's clock.
    expect(ask(30, true)).toEqual({ due: true, deferralsLeft: 0 });
  });

  it('counts deferrals per due date: a new date from the server starts again', () => {
    const schedule = { nextDueAt: hoursFromNow(5), overdue: false };
    const once = oneMoreDeferral(schedule, null);
    const twice = oneMoreDeferral(schedule, once);
    expect(twice).toEqual({ dueAt: schedule.nextDueAt, count: 2 });
    expect(reattestationPrompt(schedule, policy, once, NOW).deferralsLeft).toBe(1);
    expect(reattestationPrompt(schedule, policy, twice, NOW).deferralsLeft).toBe(0);
    const moved = { nextDueAt: hoursFromNow(6), overdue: false };
    expect(reattestationPrompt(moved, policy, twice, NOW).deferralsLeft).toBe(2);
    expect(oneMoreDeferral(moved, twice)).toEqual({ dueAt: moved.nextDueAt, count: 1 });
  });
});

describe('deferReattestation behind the IPC contract, with the HR service', () => {
  let dir = '';
  let dataDir = '';
  let code = '';
  /** The device's and the service's clock run together; the test moves both towards the due date. */
  let aheadMs = 0;
  const clock = () => new Date(Date.now() + aheadMs);
  let hr: Awaited<ReturnType<typeof startTestServer>>;

  /** A fresh service on the same data folder each time, as after a restart of the app. */
  const call = async <M extends IpcMethod>(method: M, request: IpcRequest<M>): Promise<IpcResponse<M>> => {
    const service = laptopDevice(dataDir, hr.url, clock);
    const handlers = { ...service, takeEnrolLink: () => Promise.resolve({ code: null }) } as IpcHandlers;
    const reply = await dispatch(handlers, method, request);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as IpcResponse<M>;
  };
  /** A report now (reports are signed with the real time): the service sets the next due date a week on. */
  const attestToday = async () => {
    aheadMs = 0;
    // The human path (no biometric consent, a person instead of the timed tasks): still a report that moves the date.
    const sent = await call('submitAttestation', {
      input: { decision: 'insufficient-data', score: 0, features: {}, humanCheckRequested: true },
      face: null,
      liveness: null,
    });
    expect(sent.state).toBe('accepted');
    const { schedule } = await call('getStatus', {});
    return Date.parse(schedule?.nextDueAt ?? '') - Date.now();
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-defer-'));
    dataDir = join(dir, 'data');
    hr = await startTestServer('sqlite', {
      now: clock,
      // No random spot check, so the next due date is exactly a week after a report.
      policy: ServerPolicy.parse({
        spotCheckDailyChance: 0,
        device: { reattestation: { maxDeferrals: 1, promptHoursBefore: 12 }, helpdeskMenu: true },
      }),
    });
    ({ code } = await createHire(hr.url, {
      name: 'Grace Hopper',
      email: 'grace.hopper@example.com',
      idPhoto: join(committedFaces, 'obama/1.jpg'),
    }));
  });

  afterAll(async () => {
    await hr.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses before enrolment', async () => {
    expect((await call('getStatus', {})).reattestation).toBeNull();
    await expect(call('deferReattestation', {})).rejects.toMatchObject({ code: 'device.not-enrolled' });
  });

  it('follows the limit and window of the policy the server sent at enrolment', async () => {
    await call('recordConsent', { biometric: false });
    // Enrolled but nothing reported: the first report is owed at once, with no "Later".
    const enrolled = await call('enrol', { code });
    expect(enrolled.reattestation).toEqual({ due: true, deferralsLeft: 0 });
    expect(enrolled.helpdeskOffered).toBe(true);
    const dueInMs = await attestToday();
    expect(dueInMs).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect((await call('getStatus', {})).reattestation).toEqual({ due: false, deferralsLeft: 1 });
    await expect(call('deferReattestation', {})).rejects.toMatchObject({ code: 'reattest.not-due' });

    aheadMs = dueInMs - 13 * HOUR_MS;
    expect((await call('getStatus', {})).reattestation).toEqual({ due: false, deferralsLeft: 1 });
    aheadMs = dueInMs - 11 * HOUR_MS;
    expect((await call('getStatus', {})).reattestation).toEqual({ due: true, deferralsLeft: 1 });
    expect((await call('deferReattestation', {})).reattestation).toEqual({ due: true, deferralsLeft: 0 });
    // Durable: a restarted app still knows the hire used the one deferral.
    expect((await call('getStatus', {})).reattestation).toEqual({ due: true, deferralsLeft: 0 });
    const refused = call('deferReattestation', {});
    await expect(refused).rejects.toMatchObject({ code: 'reattest.no-deferrals-left' });
    await expect(refused).rejects.toThrow(/as often as your employer allows/);
    const { schedule } = await call('getStatus', {});
    const state = JSON.parse(await readFile(join(dataDir, 'app-state.json'), 'utf8')) as unknown;
    expect(state).toMatchObject({ deferrals: { dueAt: schedule?.nextDueAt, count: 1 } });
  });

  it('allows none once overdue, and counts afresh for the next due date', async () => {
    const { schedule } = await call('getStatus', {});
    aheadMs = Date.parse(schedule?.nextDueAt ?? '') - Date.now() + HOUR_MS;
    expect((await call('getStatus', {})).reattestation).toEqual({ due: true, deferralsLeft: 0 });
    const refused = call('deferReattestation', {});
    await expect(refused).rejects.toMatchObject({ code: 'reattest.no-deferrals-left' });
    await expect(refused).rejects.toThrow(/overdue/);

    // The hire reports while overdue. Reports carry the real time, so the due date moves back
    // instead of the clock on (a report sent while not due would move nothing).
    await hr.context.db
      .updateTable('devices')
      .set({ next_due_at: new Date(Date.now() - HOUR_MS).toISOString() })
      .execute();
    const dueInMs = await attestToday();
    aheadMs = dueInMs - 11 * HOUR_MS;
    expect((await call('getStatus', {})).reattestation).toEqual({ due: true, deferralsLeft: 1 });
    expect((await call('deferReattestation', {})).reattestation).toEqual({ due: true, deferralsLeft: 0 });
  });

  it('cannot defer while HR is unreachable: the server decides due dates', async () => {
    await hr.close();
    const status = await call('getStatus', {});
    expect(status.reattestation).toBeNull();
    await expect(call('deferReattestation', {})).rejects.toMatchObject({ code: 'reattest.schedule-unknown' });
  });
});
