import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { attestDevice } from '../attest/attest-device';
import { observeDevice } from '../attest/observe-device';
import { reportOutcome } from '../outbox/report-outcome';
import { loadEnrolment } from '../data/enrolment';
import { probesFor } from '../probes/registry';
import { sourceRuntime } from './source-runtime';
import { deviceContext } from './device-context';
import { openHost } from './open-host';
import { serverUrl } from './server-url';
import { UsageError } from './usage-error';

export const attestUsage = 'hireproof attest [--server URL] [--data DIR] [--sysroot DIR] [--json]';

/** `hireproof attest`: the headless device check (what IT runs from MDM); it never verifies a hire. */
export async function attestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      server: { type: 'string' },
      data: { type: 'string' },
      sysroot: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const { dataDir, keys, outbox } = deviceContext(values.data);
  const enrolment = await loadEnrolment(dataDir);
  const signer = await keys.load();
  if (!enrolment || !signer)
    throw new UsageError(
      `this device is not enrolled (no enrolment in ${dataDir}); run hireproof enrol first`,
    );
  if (values.server && serverUrl(values.server) !== enrolment.server) {
    throw new UsageError(`this device is enrolled with ${enrolment.server}, not ${values.server}`);
  }
  const host = await openHost(values.sysroot);
  const observed = await observeDevice(host, probesFor(sourceRuntime()), enrolment.policy);
  const { report: sent, delivery } = await attestDevice({
    enrolment,
    signer,
    outbox,
    observed,
    appVersion: version,
  });
  const outcome = reportOutcome(sent.reportId, delivery);
  const answer = outcome.state === 'accepted' ? outcome.ack : null;
  const dead =
    outcome.state === 'refused'
      ? { reportId: outcome.reportId, code: outcome.code, reason: outcome.reason }
      : null;
  if (values.json) {
    process.stdout.write(
      JSON.stringify(
        { reportId: sent.reportId, answer, refused: dead, queued: delivery.remaining },
        null,
        2,
      ) + '\n',
    );
  } else if (answer) {
    const reasons = answer.reasons.map((r) => `  - ${r.check}: ${r.message}\n`).join('');
    process.stdout.write(`Report ${sent.reportId}: ${answer.verdict.toUpperCase()}\n${reasons}`);
  } else if (dead) {
    process.stdout.write(`Report ${sent.reportId} was refused: ${dead.reason} (${dead.code})\n`);
  } else {
    process.stdout.write(
      `Report ${sent.reportId} is queued (${delivery.remaining} waiting); it will be sent on the next run.\n`,
    );
  }
  if (outcome.state === 'refused' || outcome.state === 'unreadable') return 2;
  return answer?.verdict === 'pass' ? 0 : 1;
}
