import { createHash } from 'node:crypto';
import type { Host } from '../host';
import { recordedMd5 } from './parse-dpkg';
import type { PackageRecord } from './package-record';
import type { Provenance } from './provenance';

const INFO = '/var/lib/dpkg/info';

/** usrmerge: dpkg may list /sbin/x while /proc names /usr/sbin/x, or the other way round. */
function spellings(path: string): string[] {
  const merged = /^\/usr\/(bin|sbin|lib\w*)\//.test(path)
    ? path.slice(4)
    : /^\/(bin|sbin|lib\w*)\//.test(path)
      ? `/usr${path}`
      : null;
  return merged ? [path, merged] : [path];
}

/**
 * Which package installed each executable, and whether the bytes that run are still the ones it
 * recorded: dpkg's file lists and checksums read directly (no `dpkg -S`, so it works on a fixture
 * machine too). `image` is what to hash (the running process's /proc/PID/exe when readable).
 * Null for every path when there is no dpkg database.
 */
export async function dpkgProvenance(
  host: Host,
  files: readonly { path: string; image: string }[],
): Promise<Map<string, Provenance | null>> {
  const result = new Map<string, Provenance | null>();
  const names = await host.list(INFO).catch(() => null);
  if (names === null) {
    for (const { path } of files) result.set(path, null);
    return result;
  }
  const wanted = new Map<string, { path: string; image: string }>();
  for (const file of files) for (const spelling of spellings(file.path)) wanted.set(spelling, file);
  const owners = new Map<string, { stem: string; listed: string }>();
  for (const name of names.filter((n) => n.endsWith('.list'))) {
    if (owners.size === files.length) break;
    const list = `\n${await host.readText(`${INFO}/${name}`).catch(() => '')}`;
    for (const [spelling, file] of wanted) {
      if (!owners.has(file.path) && list.includes(`\n${spelling}\n`))
        owners.set(file.path, { stem: name.slice(0, -'.list'.length), listed: spelling });
    }
  }
  for (const { path, image } of files) {
    const owner = owners.get(path);
    if (!owner) {
      result.set(path, { manager: 'dpkg', package: null, verified: false });
      continue;
    }
    const md5sums = await host.readText(`${INFO}/${owner.stem}.md5sums`).catch(() => '');
    const recorded = recordedMd5(md5sums, owner.listed);
    const bytes = await host.readBytes(image).catch(() => host.readBytes(path).catch(() => null));
    const actual = bytes ? createHash('md5').update(bytes).digest('hex') : null;
    result.set(path, {
      manager: 'dpkg',
      package: owner.stem.replace(/:.*$/, ''),
      verified: recorded !== null && recorded === actual,
    });
  }
  return result;
}

/** The same for the files themselves (a VPN client's executables), as records the report carries. */
export async function dpkgRecords(host: Host, paths: readonly string[]): Promise<PackageRecord[]> {
  if (paths.length === 0) return [];
  const found = await dpkgProvenance(
    host,
    paths.map((path) => ({ path, image: path })),
  );
  return paths.map((path) => ({
    path,
    ...(found.get(path) ?? { manager: 'dpkg', package: null, verified: false }),
  }));
}
