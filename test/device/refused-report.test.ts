import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmitRequest } from '../../main/contract/ipc';
import type { DeviceService } from '../../main/device/device-service';
import { homeWords } from '../../renderer/reattest/home-words';
import { committedFaces } from '../face/face-fixtures';
import { createHire, startTestServer } from '../support/hr-service';
import { laptopDevice } from '../support/laptop-device';

const MINUTE = 60_000;

/**
 * A report that waited too long to be sent is refused for good by the HR service; nothing of it
 * counts. The hire must hear that on the home screen and be asked for a new check, until HR
 * answers a newer report.
 */
describe('a report HR refused, on the home screen', () => {
  let dir = '';
  let ahead = 0;
  let hr: Awaited<ReturnType<typeof startTestServer>>;
  let service: DeviceService;

  const answer = async (): Promise<SubmitRequest> => {
    const terms = await service.beginCameraStep({});
    return {
      input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
      face: {
        camera: { label: 'Integrated Camera', id: 'cam1' },
        backend: 'wasm',
        frames: ['/9j/' + 'A'.repeat(64)],
        match: null,
        humanCheckRequested: false,
      },
      liveness: {
        passed: true,
        challenges: [],
        trace: [],
        movements: (terms?.movements ?? []).map((kind) => ({
          kind,
          frames: [{ t: 0, jpeg: '/9j/' + 'B'.repeat(64) }],
        })),
      },
    };
  };
  const home = async () => {
    const status = await service.getStatus({});
    const words = homeWords(status.hireName, status.lastVerdict, status.lastRefusal);
    return { status, words: `${words.heading}\n${words.note}` };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-refused-'));
    // The service's clock can run ahead of the laptop's: the time a report spent waiting to be sent.
    hr = await startTestServer('sqlite', { runJobs: false, now: () => new Date(Date.now() + ahead) });
    const { code } = await createHire(hr.url, {
      name: 'Grace Hopper',
      email: 'grace.hopper@example.com',
      idPhoto: join(committedFaces, 'obama/1.jpg'),
    });
    service = laptopDevice(join(dir, 'data'), hr.url);
    await service.recordConsent({ biometric: true });
    await service.enrol({ code });
    await service.runChecks({});
  }, 60_000);

  afterAll(async () => {
    await hr?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says HR could not accept a report that waited past its validity, and asks for a new check', async () => {
    const late = await answer();
    ahead = 6 * MINUTE;
    const result = await service.submitAttestation(late);
    expect(result).toMatchObject({ state: 'refused', code: 'report.stale' });
    ahead = 0;
    const { status, words } = await home();
    expect(status.lastRefusal).toMatchObject({ code: 'report.stale' });
    expect(words).toContain('HR could not accept your last report, Grace Hopper');
    expect(words).toContain('the laptop was offline');
    expect(words).toContain('Press Check now to do the check again');
  });

  it('stops saying so once HR answers a newer report', async () => {
    const result = await service.submitAttestation(await answer());
    expect(result).toMatchObject({ state: 'accepted' });
    const { status, words } = await home();
    expect(status.lastRefusal).toBeNull();
    expect(words).not.toContain('could not accept');
  });
});
