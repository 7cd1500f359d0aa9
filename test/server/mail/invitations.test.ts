import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolCodeFromLink } from '../../../main/app/deep-link';
import { defaultServerPolicy } from '../../../server/server-policy';
import { startServer } from '../../../server/start-server';
import { enrolWithCode } from '../../support/enrol-with-code';
import {
  ADMIN_TOKEN,
  api,
  freshPostgres,
  startTestServer,
  storages,
  TEST_PHOTO_KEY,
} from '../../support/hr-service';
import { startMailServer } from '../../support/mail-server';

const DOWNLOAD = 'https://downloads.example.com/hireproof/latest';
const PHOTO = 'test/fixtures/faces/obama/1.jpg';
const HOUR = 3_600_000;

/**
 * Invitations and reminders by email, through a real SMTP server with a password, read back as
 * the hire's mail client would parse them; both databases.
 */
describe.each(storages)('invitations by email on %s', (storage) => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  let idPhoto = '';

  beforeAll(async () => {
    idPhoto = (await readFile(PHOTO)).toString('base64');
    mail = await startMailServer({ 'gone@example.com': 'refuse', 'greylisted@example.com': 'greylist-once' });
    server = await startTestServer(storage, {
      runJobs: false,
      now: () => new Date(clock),
      smtpUrl: mail.url,
      policy: {
        ...defaultServerPolicy,
        invitations: {
          from: 'HR at Example <hr@example.com>',
          downloadUrl: DOWNLOAD,
          // The test server's own address: the page the invitation links to must really answer.
          serviceUrl: 'http://127.0.0.1:1/',
          company: 'Example Ltd',
        },
      },
    });
    // The policy needs the address before the server has one: point the invitations at it now.
    server.context.mail = { ...server.context.mail!, serviceUrl: server.url };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await mail?.close();
  });

  const hire = async (email: string, extra: Record<string, unknown> = {}) => {
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ada Lovelace',
      email,
      idPhoto,
      ...extra,
    });
    expect(created.status, created.text).toBe(201);
    return created.json as { id: string; code: string; invitation: { id: string; status: string } | null };
  };
  const mailOf = async (hireId: string) =>
    ((await api(server.url, 'GET', `/v1/hires/${hireId}`)).json as { mail: Record<string, unknown>[] }).mail;

  it('invites a new hire: what HireProof is, the download link, the page that opens the app, the code, the privacy notice', async () => {
    const created = await hire('ada@example.com');
    expect(created.invitation).toMatchObject({ status: 'queued' });
    expect(mail.to('ada@example.com')).toHaveLength(0);
    await server.jobs.drain();

    const [message] = mail.to('ada@example.com');
    expect(message?.subject).toBe('Example Ltd: check your new laptop with HireProof');
    expect(message?.from?.text).toContain('hr@example.com');
    const text = message?.text ?? '';
    expect(text).toContain('remote-control tools');
    expect(text).toContain(DOWNLOAD);
    const page = `${server.url}/enrol?code=${created.code}`;
    expect(text).toContain(page);
    expect(text).toContain(`Or type your enrolment code into HireProof: ${created.code}`);
    expect(text).toContain(`deleted ${defaultServerPolicy.retentionDays} days after you are verified`);
    expect(text).toContain(`${defaultServerPolicy.unverifiedRetentionDays} days after they were taken`);
    expect(message?.html).toContain(`<a href="${page}">`);

    expect(await mailOf(created.id)).toEqual([
      expect.objectContaining({
        kind: 'invitation',
        to: 'ada@example.com',
        status: 'accepted',
        attempts: 1,
        response: expect.stringMatching(/^250 /) as string,
      }),
    ]);
    // The code went to the hire alone: not kept once accepted, never in a job.
    const stored = await server.context.db.selectFrom('mail_deliveries').select('sealed_code').execute();
    expect(stored.every((r) => r.sealed_code === null)).toBe(true);
    const jobs = await server.context.db.selectFrom('jobs').select(['payload', 'last_error']).execute();
    expect(JSON.stringify(jobs)).not.toContain(created.code);
  });

  it('links a page that opens hireproof://enrol with the code, under the service’s CSP, and shows the code', async () => {
    const created = await hire('grace@example.com');
    await server.jobs.drain();
    const link = /(http:\/\/\S+\/enrol\?code=\S+)/.exec(mail.to('grace@example.com')[0]?.text ?? '')?.[1];
    expect(link).toBeDefined();
    const response = await fetch(link!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const deepLink = `hireproof://enrol?code=${created.code}`;
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${deepLink}">`);
    expect(html).toContain(`<a id="open" href="${deepLink}">`);
    expect(html).toContain(`<code id="code">${created.code}</code>`);
    expect(html).not.toContain('<script');
    // The app's own reading of the link gives back the code.
    expect(enrolCodeFromLink(deepLink)).toBe(created.code);
    expect((await fetch(`${server.url}/enrol?code=%3Cscript%3E`)).status).toBe(400);
  });

  it('resends with a new code and voids the old one: the old code enrols nothing', async () => {
    const created = await hire('alan@example.com');
    await server.jobs.drain();
    const resent = await api(server.url, 'POST', `/v1/hires/${created.id}/enrolment-codes`, { email: true });
    expect(resent.status).toBe(201);
    const code = String(resent.json.code);
    expect(code).not.toBe(created.code);
    await server.jobs.drain();
    const messages = mail.to('alan@example.com');
    expect(messages).toHaveLength(2);
    expect(messages[1]?.text).toContain(code);
    expect(messages[1]?.text).not.toContain(created.code);

    const stale = await enrolWithCode(server.url, created.code);
    expect(stale.answer.status).toBe(410);
    expect(stale.answer.json.error?.code).toBe('code.voided');
    expect((await enrolWithCode(server.url, code)).answer.status).toBe(201);
  });

  it('voids an invitation still waiting when a newer code is issued: only the newest code is sent', async () => {
    const created = await hire('mary@example.com');
    clock += 1_000;
    const resent = await api(server.url, 'POST', `/v1/hires/${created.id}/enrolment-codes`, { email: true });
    await server.jobs.drain();
    const messages = mail.to('mary@example.com');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(String(resent.json.code));
    expect((await mailOf(created.id)).map((m) => m.status)).toEqual(['accepted', 'voided']);
  });

  it('shows HR a refusal by the mail server with its answer, and does not retry it', async () => {
    const created = await hire('gone@example.com');
    await server.jobs.drain();
    expect(mail.to('gone@example.com')).toHaveLength(0);
    expect(await mailOf(created.id)).toEqual([
      expect.objectContaining({
        status: 'refused',
        attempts: 1,
        response: expect.stringContaining('550 5.1.1 no such user here') as string,
      }),
    ]);
    clock += HOUR;
    await server.jobs.drain();
    expect((await mailOf(created.id))[0]).toMatchObject({ status: 'refused', attempts: 1 });
  });

  it('retries a temporary refusal with backoff, and delivers once', async () => {
    const created = await hire('greylisted@example.com');
    await server.jobs.drain();
    expect(await mailOf(created.id)).toEqual([
      expect.objectContaining({
        status: 'queued',
        attempts: 1,
        response: expect.stringContaining('451 4.7.1') as string,
      }),
    ]);
    expect(mail.to('greylisted@example.com')).toHaveLength(0);
    clock += 5_000;
    await server.jobs.drain();
    expect(await mailOf(created.id)).toEqual([
      expect.objectContaining({
        status: 'accepted',
        attempts: 2,
        response: expect.stringMatching(/^250 /) as string,
      }),
    ]);
    expect(mail.to('greylisted@example.com')).toHaveLength(1);
  });

  it('reminds a hire whose re-attestation is overdue, once per due date', async () => {
    const created = await hire('late@example.com', { invite: false });
    expect(created.invitation).toBeNull();
    expect((await enrolWithCode(server.url, created.code)).answer.status).toBe(201);
    const { due_at: dueAt } = await server.context.db
      .selectFrom('roster')
      .select('due_at')
      .where('hire_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(dueAt).not.toBeNull();
    for (let sweep = 0; sweep < 3; sweep++) {
      clock += 2 * HOUR;
      await server.jobs.drain();
    }
    const reminders = mail.to('late@example.com');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.subject).toBe('Example Ltd: your laptop check is overdue');
    expect(reminders[0]?.text).toContain(`was due on ${dueAt!.slice(0, 10)}`);
    expect((await mailOf(created.id)).map((m) => [m.kind, m.status])).toEqual([['reminder', 'accepted']]);
  });

  it('sends nothing, nor reminds, once the hire is offboarded', async () => {
    const created = await hire('left@example.com');
    expect((await api(server.url, 'POST', `/v1/hires/${created.id}/offboarding`)).status).toBe(200);
    await server.jobs.drain();
    expect(mail.to('left@example.com')).toHaveLength(0);
    expect((await mailOf(created.id)).map((m) => m.status)).toEqual(['voided']);
  });
});

describe.each(storages)('an invitation across a restart on %s', (storage) => {
  it('is sent by the next server when the one that queued it stopped first', async () => {
    const mail = await startMailServer();
    const database = storage === 'postgres' ? await freshPostgres() : null;
    const options = {
      port: 0,
      dataDir: await mkdtemp(join(tmpdir(), 'hireproof-server-')),
      databaseUrl: database?.url,
      adminToken: ADMIN_TOKEN,
      demo: true,
      runJobs: false,
      farmSignals: false,
      smtpUrl: mail.url,
      policy: {
        ...defaultServerPolicy,
        invitations: {
          from: 'hr@example.com',
          downloadUrl: DOWNLOAD,
          serviceUrl: 'https://hr.example.com/',
          company: 'Example Ltd',
        },
      },
      ...(database ? { photoKey: TEST_PHOTO_KEY } : {}),
    };
    try {
      const first = await startServer(options);
      const idPhoto = (await readFile(PHOTO)).toString('base64');
      const created = await api(first.url, 'POST', '/v1/hires', {
        name: 'Ada',
        email: 'ada@example.com',
        idPhoto,
      });
      expect(created.status).toBe(201);
      await first.close();
      expect(mail.received).toHaveLength(0);

      const second = await startServer(options);
      await second.jobs.drain();
      await second.close();
      expect(mail.to('ada@example.com')[0]?.text).toContain(
        `https://hr.example.com/enrol?code=${String(created.json.code)}`,
      );
    } finally {
      await mail.close();
      await database?.drop();
    }
  }, 60_000);
});

describe('without a mail server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  }, 60_000);
  afterAll(async () => server?.close());

  it('shows the code once to HR, and refuses to email it', async () => {
    const idPhoto = (await readFile(PHOTO)).toString('base64');
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ada',
      email: 'ada@example.com',
      idPhoto,
    });
    expect(created.status).toBe(201);
    expect(created.json.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(created.json.invitation).toBeNull();
    const detail = await api(server.url, 'GET', `/v1/hires/${String(created.json.id)}`);
    expect(detail.text).not.toContain(String(created.json.code));
    expect(detail.json.mail).toEqual([]);
    const emailed = await api(server.url, 'POST', `/v1/hires/${String(created.json.id)}/enrolment-codes`, {
      email: true,
    });
    expect(emailed.status).toBe(409);
    expect(emailed.json.error?.code).toBe('mail.not-configured');
    const invited = await api(server.url, 'POST', '/v1/hires', {
      name: 'B',
      email: 'b@example.com',
      idPhoto,
      invite: true,
    });
    expect(invited.status).toBe(409);
  });

  it('refuses to start with half a mail set-up', async () => {
    await expect(startTestServer('sqlite', { smtpUrl: 'smtp://127.0.0.1:25' })).rejects.toThrow(
      /invitations/,
    );
  });
});
