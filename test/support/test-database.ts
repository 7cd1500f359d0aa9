/** The PostgreSQL that .ci/run starts; without it the PostgreSQL half of a suite cannot run. */
export function postgresUrl(): string | undefined {
  const url = process.env.HIREPROOF_TEST_DATABASE_URL;
  if (!url && process.env.CI)
    throw new Error('HIREPROOF_TEST_DATABASE_URL is not set: .ci/run must start PostgreSQL');
  return url;
}
