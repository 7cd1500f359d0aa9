import { parseArgs } from 'node:util';
import { checks } from '../checks/catalogue/index';
import { runChecks } from '../checks/engine';
import { probesFor } from '../probes/registry';
import { formatChecks } from './format-checks';
import { loadPolicy } from './load-policy';
import { openHost } from './open-host';
import { sourceRuntime } from './source-runtime';

export const checkUsage = 'hireproof check [--json] [--sysroot DIR | --recorded DIR] [--policy FILE]';

/** `hireproof check`: exit 0 for pass, 1 for review or fail. */
export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      sysroot: { type: 'string' },
      recorded: { type: 'string' },
      policy: { type: 'string' },
    },
    strict: true,
  });
  const policy = await loadPolicy(values.policy);
  const host = await openHost({ sysroot: values.sysroot, recorded: values.recorded });
  const live = !values.json && process.stderr.isTTY;
  const report = await runChecks({
    checks,
    probes: probesFor(sourceRuntime()),
    host,
    policy,
    onProgress: live
      ? (event) => {
          if (event.type === 'done') process.stderr.write(`\r\x1b[K  checked ${event.result.id}`);
        }
      : undefined,
  });
  if (live) process.stderr.write('\r\x1b[K');
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatChecks(report));
  return report.verdict === 'pass' ? 0 : 1;
}
