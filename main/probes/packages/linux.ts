import { createHash } from 'node:crypto';
import type { Host } from '../host';
import type { PackageRecord } from './package-record';
import { listsPath, md5Of, packageOfList } from './parse-dpkg';

const DPKG_INFO = '/var/lib/dpkg/info';

/**
 * For each executable, the dpkg package that installed it and whether the file is unchanged since
 * (its MD5 against the package's md5sums). Read only for the few paths a rule needs vouched for.
 */
export async function dpkgRecords(host: Host, paths: readonly string[]): Promise<PackageRecord[]> {
  if (paths.length === 0) return [];
  const files = (await host.list(DPKG_INFO).catch(() => [])).filter((f) => f.endsWith('.list')).sort();
  const owners = new Map<string, string>();
  for (const file of files) {
    const text = await host.readText(`${DPKG_INFO}/${file}`).catch(() => '');
    for (const path of paths) {
      if (!owners.has(path) && listsPath(text, path)) owners.set(path, packageOfList(file) ?? file);
    }
    if (owners.size === paths.length) break;
  }
  return Promise.all(
    paths.map(async (path): Promise<PackageRecord> => {
      const owner = owners.get(path) ?? null;
      if (owner === null) return { path, manager: 'dpkg', package: null, intact: null };
      const md5sums = await host.readText(`${DPKG_INFO}/${owner}.md5sums`).catch(() => '');
      const expected = md5Of(md5sums, path);
      const bytes = await host.readBytes(path).catch(() => null);
      const intact =
        expected === null || bytes === null
          ? null
          : createHash('md5').update(bytes).digest('hex') === expected;
      return { path, manager: 'dpkg', package: owner.replace(/:[^:]+$/, ''), intact };
    }),
  );
}
