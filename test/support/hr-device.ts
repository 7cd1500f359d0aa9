import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestDevice } from '../../main/attest/attest-device';
import { enrolThisDevice } from '../../main/attest/enrol-device';
import { observeDevice, sourceOf } from '../../main/attest/observe-device';
import { readIdentity } from '../../main/probes/identity/read-identity';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { deviceContext } from '../../main/cli/device-context';
import { ReportAck } from '../../main/contract/protocol';
import { reportOutcome } from '../../main/outbox/report-outcome';
import { loadEnrolment } from '../../main/data/enrolment';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { hireproof } from './cli';
import { cameraEvidence } from './live-face';
import type { TurningHead } from './turning-head';
import { sysroot } from './sysroots';

/** Enrols a fixture machine with the real `hireproof enrol`; returns its data folder. */
export async function enrolWithCli(server: string, code: string, machine: string): Promise<string> {
  const data = await mkdtemp(join(tmpdir(), 'hireproof-device-'));
  const enrol = await hireproof([
    'enrol',
    '--server',
    server,
    `--code=${code}`,
    '--data',
    data,
    '--sysroot',
    sysroot(machine),
  ]);
  if (enrol.code !== 0) throw new Error(`hireproof enrol failed: ${enrol.stderr}`);
  return data;
}

/** `hireproof attest` on a fixture machine: the server's answer. */
export async function attestWithCli(data: string, machine: string): Promise<ReportAck> {
  const attest = await hireproof(['attest', '--data', data, '--sysroot', sysroot(machine), '--json']);
  const out = JSON.parse(attest.stdout) as { answer: unknown };
  return ReportAck.parse(out.answer);
}

/** Enrols a fixture machine as the desktop app does (its key in a data folder like the CLI's). */
export async function enrolAsApp(server: string, code: string, machine: string): Promise<string> {
  const data = await mkdtemp(join(tmpdir(), 'hireproof-app-'));
  const host = sysrootHost(sysroot(machine));
  await enrolThisDevice({
    server,
    code,
    dataDir: data,
    keys: deviceContext(data).keys,
    client: 'app',
    identity: await readIdentity(host),
    observedFrom: sourceOf(host),
  });
  return data;
}

/**
 * What the desktop app sends after its camera step (on a device enrolled with `enrolAsApp`): the
 * same attestation path as the CLI, with consent, face frames, liveness and input. Given frames,
 * the liveness is a bare `passed` claim the server cannot judge (review at best); given a turning
 * head, every movement the challenge asks for is answered with its frames.
 */
export async function attestWithFace(
  data: string,
  machine: string,
  frames: Uint8Array[] | TurningHead,
): Promise<ReportAck> {
  const { keys, outbox } = deviceContext(data);
  const [enrolment, signer] = await Promise.all([loadEnrolment(data), keys.load()]);
  if (!enrolment || !signer) throw new Error(`${data} holds no enrolled device`);
  const host = sysrootHost(sysroot(machine));
  const observed = await observeDevice(host, probesFor(sourceRuntime()), enrolment.policy);
  const { report: sent, delivery } = await attestDevice({
    enrolment,
    signer,
    outbox,
    observed,
    appVersion: '0.1.0',
    evidence: Array.isArray(frames)
      ? {
          consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: true },
          input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
          face: {
            camera: { label: 'Integrated Camera', id: 'integrated' },
            backend: 'wasm',
            frames: frames.map((f) => Buffer.from(f).toString('base64')),
            match: null,
            humanCheckRequested: false,
          },
          liveness: { passed: true, challenges: [{ kind: 'blink', passed: true, ms: 900 }], trace: [] },
        }
      : cameraEvidence(frames),
  });
  const outcome = reportOutcome(sent.reportId, delivery);
  if (outcome.state !== 'accepted')
    throw new Error(`report ${sent.reportId} was not accepted: ${JSON.stringify(outcome)}`);
  return outcome.ack;
}
