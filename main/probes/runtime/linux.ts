import type { Host } from '../host';
import { parseCmdline } from '../processes/parse-linux';
import { parseEnviron } from '../session/parse-linux';
import {
  ancestorsOf,
  mappedFor,
  mappedLibraries,
  nodeFlags,
  parseLdPreloadEnv,
  parseLdSoPreload,
  parseStat,
  parseTracerPid,
  parseUidMap,
  processTable,
  procHidepidFromMounts,
  procHidepidFromMountinfo,
  type StatRow,
} from './parse-linux';
import type { Preload, RuntimeFacts } from './runtime';

const exists = (host: Host, path: string): Promise<boolean> =>
  host.readBytes(path).then(
    () => true,
    () => false,
  );

/** Every process /proc lists, by PID; one that exits while we read is left out. */
async function statRows(host: Host): Promise<Map<number, StatRow>> {
  const pids = (await host.list('/proc')).filter((name) => /^\d+$/.test(name));
  const rows = await Promise.all(
    pids.map(async (pid) => parseStat(await host.readText(`/proc/${pid}/stat`).catch(() => ''))),
  );
  return new Map(rows.filter((row): row is StatRow => row !== null).map((row) => [row.pid, row]));
}

/** The sandbox this process says it runs in: Flatpak, Snap, AppArmor, a container. */
async function sandbox(host: Host, env: Record<string, string>): Promise<RuntimeFacts['sandbox']> {
  const label = (await host.readText('/proc/self/attr/current').catch(() => '')).replace(/\0/g, '').trim();
  const container = (await exists(host, '/.dockerenv'))
    ? 'docker'
    : (await exists(host, '/run/.containerenv'))
      ? 'podman'
      : (env.container ?? null);
  return {
    flatpak: await exists(host, '/.flatpak-info'),
    snap: env.SNAP_NAME ?? null,
    apparmor: label === '' || label === 'unconfined' ? null : label,
    container,
  };
}

/**
 * Reads our own process as the kernel shows it (/proc/self: status, environ, cmdline, maps,
 * uid_map, ns/pid, mountinfo), PID 1, the process table and /etc/ld.so.preload.
 */
export async function readLinuxRuntime(host: Host): Promise<RuntimeFacts> {
  // Without our own status nothing below can be judged: fail the read rather than pass blind.
  const status = await host.readText('/proc/self/status');
  const selfPid = Number(await host.readLink('/proc/self'));
  const text = (path: string) => host.readText(path).catch(() => null);
  const link = (path: string) => host.readLink(path).catch(() => null);

  const env = parseEnviron((await text('/proc/self/environ')) ?? '');
  const preloadEntries: Omit<Preload, 'mapped'>[] = [
    ...parseLdPreloadEnv(env.LD_PRELOAD ?? '').map((path) => ({ path, source: 'env' as const })),
    ...parseLdSoPreload((await text('/etc/ld.so.preload')) ?? '').map((path) => ({
      path,
      source: 'ld.so.preload' as const,
    })),
  ];
  const libraries = preloadEntries.length > 0 ? mappedLibraries((await text('/proc/self/maps')) ?? '') : [];

  const tracerPid = parseTracerPid(status);
  const uidMap = await text('/proc/self/uid_map');
  const mountinfo = await text('/proc/self/mountinfo');
  const rows = await statRows(host);
  const ancestors = ancestorsOf(selfPid, rows);

  return {
    selfPid,
    executable: (await link('/proc/self/exe'))?.replace(/ \(deleted\)$/, '') ?? null,
    preloads: preloadEntries.map((p) => ({ ...p, mapped: mappedFor(p.path, libraries) })),
    mappedLibraries: libraries,
    nodeFlags: nodeFlags(parseCmdline((await text('/proc/self/cmdline')) ?? ''), env.NODE_OPTIONS),
    uidMap: uidMap === null ? null : parseUidMap(uidMap),
    tracer:
      tracerPid === 0
        ? null
        : { pid: tracerPid, comm: (await text(`/proc/${tracerPid}/comm`))?.trim() ?? null },
    pidNamespace: { self: await link('/proc/self/ns/pid'), pid1: await link('/proc/1/ns/pid') },
    pid1: {
      comm: (await text('/proc/1/comm'))?.trim() ?? null,
      exe: await link('/proc/1/exe'),
      isSelf: selfPid === 1,
      isAncestor: ancestors.some((row) => row.pid === 1),
    },
    ancestors: ancestors.filter((row) => row.pid !== 1).map(({ pid, comm }) => ({ pid, comm })),
    processTable: processTable(selfPid, rows),
    procHidepid:
      mountinfo === null
        ? procHidepidFromMounts((await text('/proc/mounts')) ?? '')
        : procHidepidFromMountinfo(mountinfo),
    sandbox: await sandbox(host, env),
  };
}
