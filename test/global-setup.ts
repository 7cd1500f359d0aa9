import { execFileSync } from 'node:child_process';
import { postgresUrl } from './support/test-database';

/** Which databases the HR service suites ran against, said at the end where it is seen. */
function storageNotice(): string {
  const url = postgresUrl();
  if (!url)
    return 'HR service suites ran on SQLite only: set HIREPROOF_TEST_DATABASE_URL to run them on PostgreSQL too (README: Set up, run, test).';
  const where = new URL(url);
  where.password = '';
  return `HR service suites ran on SQLite and on PostgreSQL (${where.toString()}).`;
}

/** Tests that spawn `hireproof` run the same bundle a user gets from `npm install`. */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  return () => process.stdout.write(`\n${storageNotice()}\n`);
}
