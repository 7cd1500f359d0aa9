import { HrServiceError } from '../hr/hr-client';
import { UsageError } from './usage-error';

interface Command {
  run: (args: string[]) => Promise<number>;
  usage: string;
}

/**
 * Each command is loaded when it is asked for, so `hireproof check` does not pay for the HR
 * service, the face models or anything else it does not run.
 */
const commands: Record<string, () => Promise<Command>> = {
  check: () => import('./check-command').then((m) => ({ run: m.checkCommand, usage: m.checkUsage })),
  identity: () =>
    import('./identity-command').then((m) => ({ run: m.identityCommand, usage: m.identityUsage })),
  enrol: () => import('./enrol-command').then((m) => ({ run: m.enrolCommand, usage: m.enrolUsage })),
  attest: () => import('./attest-command').then((m) => ({ run: m.attestCommand, usage: m.attestUsage })),
  outbox: () => import('./outbox-command').then((m) => ({ run: m.outboxCommand, usage: m.outboxUsage })),
  cadence: () => import('./cadence-command').then((m) => ({ run: m.cadenceCommand, usage: m.cadenceUsage })),
  'face-compare': () =>
    import('./face-compare-command').then((m) => ({ run: m.faceCompareCommand, usage: m.faceCompareUsage })),
  serve: () => import('./serve-command').then((m) => ({ run: m.serveCommand, usage: m.serveUsage })),
  hire: () => import('./hire-command').then((m) => ({ run: m.hireCommand, usage: m.hireUsage })),
  admin: () => import('./admin-command').then((m) => ({ run: m.adminCommand, usage: m.adminUsage })),
};

async function usage(): Promise<string> {
  const all = await Promise.all(Object.values(commands).map((load) => load()));
  return `usage:\n${all.map((c) => `  ${c.usage}`).join('\n')}\n`;
}

/** Exit codes: 0 pass, 1 review or fail, 2 usage or internal error (one line on stderr). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(await usage());
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`hireproof: unknown command '${name}'\n${await usage()}`);
    return 2;
  }
  try {
    const command = await load();
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`usage: ${command.usage}\n`);
      return 0;
    }
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
