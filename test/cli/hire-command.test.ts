import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerPolicy } from '../../server/server-policy';
import { hireproof } from '../support/cli';
import { ADMIN_TOKEN, api, startTestServer } from '../support/hr-service';
import { startMailServer } from '../support/mail-server';

/** HR's command line with invitations by email: the built `hireproof` against a real service and SMTP server. */
describe('hireproof hire create with invitations by email', () => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    mail = await startMailServer();
    server = await startTestServer('sqlite', {
      runJobs: false,
      smtpUrl: mail.url,
      policy: {
        ...defaultServerPolicy,
        invitations: {
          from: 'hr@example.com',
          downloadUrl: 'https://downloads.example.com/hireproof',
          serviceUrl: 'https://hireproof.example.com/',
          company: 'Example Ltd',
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await mail?.close();
  });

  it('creates the hire with its employee id, prints the code once and says the invitation is queued', async () => {
    const run = await hireproof(
      [
        'hire',
        'create',
        '--server',
        server.url,
        '--name',
        'Ada Lovelace',
        '--email',
        'ada@example.com',
        '--photo',
        'test/fixtures/faces/obama/1.jpg',
        '--external-id',
        'WD-1815',
      ],
      { ...process.env, HIREPROOF_ADMIN_TOKEN: ADMIN_TOKEN },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = /^Hire (\S+)$/m.exec(run.stdout)?.[1];
    const code = /^Enrolment code (\S+) /m.exec(run.stdout)?.[1];
    expect(run.stdout).toContain('Invitation with the code queued for ada@example.com');
    expect((await api(server.url, 'GET', `/v1/hires/${id}`)).json.externalId).toBe('WD-1815');
    await server.jobs.drain();
    expect(mail.to('ada@example.com')[0]?.text).toContain(
      `Or type your enrolment code into HireProof: ${code}`,
    );
  });

  it('refuses to serve with a mail server but no invitations in the policy', async () => {
    const run = await hireproof(
      ['serve', '--port', '0', '--data', await mkdtemp(join(tmpdir(), 'hp-serve-'))],
      {
        ...process.env,
        HIREPROOF_SMTP_URL: mail.url,
      },
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('HIREPROOF_SMTP_URL is set but the policy has no "invitations"');
  });
});
