import { adminCommand, adminUsage } from './admin-command';
import { attestCommand, attestUsage } from './attest-command';
import { cadenceCommand, cadenceUsage } from './cadence-command';
import { checkCommand, checkUsage } from './check-command';
import { enrolCommand, enrolUsage } from './enrol-command';
import { faceCompareCommand, faceCompareUsage } from './face-compare-command';
import { hireCommand, hireUsage } from './hire-command';
import { identityCommand, identityUsage } from './identity-command';
import { outboxCommand, outboxUsage } from './outbox-command';
import { serveCommand, serveUsage } from './serve-command';
import { HrServiceError } from '../hr/hr-client';
import { UsageError } from './usage-error';

const commands: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  check: { run: checkCommand, usage: checkUsage },
  identity: { run: identityCommand, usage: identityUsage },
  enrol: { run: enrolCommand, usage: enrolUsage },
  attest: { run: attestCommand, usage: attestUsage },
  outbox: { run: outboxCommand, usage: outboxUsage },
  cadence: { run: cadenceCommand, usage: cadenceUsage },
  'face-compare': { run: faceCompareCommand, usage: faceCompareUsage },
  serve: { run: serveCommand, usage: serveUsage },
  hire: { run: hireCommand, usage: hireUsage },
  admin: { run: adminCommand, usage: adminUsage },
};

const usage = `usage:\n${Object.values(commands)
  .map((c) => `  ${c.usage}`)
  .join('\n')}\n`;

/** Exit codes: 0 pass, 1 review or fail, 2 usage or internal error (one line on stderr). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`hireproof: unknown command '${name}'\n${usage}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    // Errors we raise on purpose read as one plain line; a TypeError and the like is a bug.
    const known =
      error instanceof UsageError ||
      error instanceof HrServiceError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ||
      (error instanceof Error && error.constructor === Error);
    process.stderr.write(
      `hireproof ${name}: ${known ? (error as Error).message : `internal error: ${String(error)}`}\n`,
    );
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
