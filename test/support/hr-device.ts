import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestDevice } from '../../main/attest/attest-device';
import { observeDevice } from '../../main/attest/observe-device';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { deviceContext } from '../../main/cli/device-context';
import { ReportAck } from '../../main/contract/protocol';
import { loadEnrolment } from '../../main/data/enrolment';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { hireproof } from './cli';
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

/**
 * What the desktop app sends after its camera step: the same attestation path as the CLI, with
 * face frames and a passed liveness run (the CLI carries no camera).
 */
export async function attestWithFace(
  data: string,
  machine: string,
  frames: Uint8Array[],
): Promise<ReportAck> {
  const { keys, outbox } = deviceContext(data);
  const [enrolment, signer] = await Promise.all([loadEnrolment(data), keys.load()]);
  if (!enrolment || !signer) throw new Error(`${data} holds no enrolled device`);
  const host = sysrootHost(sysroot(machine));
  const { checks, identity } = await observeDevice(host, probesFor(sourceRuntime()), enrolment.policy);
  const { report: sent, delivery } = await attestDevice({
    enrolment,
    signer,
    outbox,
    identity,
    checks,
    appVersion: '0.1.0',
    kind: 'onboarding',
    evidence: {
      face: {
        camera: { label: 'Integrated Camera', id: 'integrated' },
        backend: 'wasm',
        frames: frames.map((f) => Buffer.from(f).toString('base64')),
        match: null,
        humanCheckRequested: false,
      },
      liveness: { passed: true, challenges: [{ kind: 'blink', passed: true, ms: 900 }], trace: [] },
    },
  });
  const delivered = delivery.delivered.find((d) => d.reportId === sent.reportId);
  if (!delivered) throw new Error(`report ${sent.reportId} was not delivered`);
  return ReportAck.parse(delivered.body);
}
