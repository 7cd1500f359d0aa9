import { z } from 'zod';
import type { Platform } from '../../contract/checks';
import lolrmm from '../../reference/lolrmm-catalog.json';
import extra from '../../reference/remote-tools-extra.json';
import sharedNames from '../../reference/remote-tools-shared-names.json';
import { globToRegExp } from './glob';

/** The executables of one tool built for one platform. */
export interface Executables {
  /** Executable names, lower-case, without `.exe`; wildcards kept as regexes. */
  names: Set<string>;
  namePatterns: RegExp[];
  /** Names other programs share (dwm.exe, teams.exe, tar.exe): only a full path in `paths` counts. */
  ambiguous: Set<string>;
  paths: RegExp[];
}

/** One remote-access tool, from LOLRMM (Apache-2.0, see main/reference/NOTICE.md) or our supplement. */
export interface RemoteTool {
  name: string;
  /**
   * Executables by the platform they are built for: a Windows program's name says nothing about a
   * Linux process that happens to share it (`tar.exe` is not `tar`).
   */
  executables: Partial<Record<Platform, Executables>>;
  services: Partial<Record<Platform, RegExp[]>>;
  ports: PortRange[];
}

export interface PortRange {
  from: number;
  to: number;
}

/** LOLRMM's names for the platforms, and ours. */
const PLATFORM_OF = { windows: 'win32', macos: 'darwin', linux: 'linux' } as const satisfies Record<
  string,
  Platform
>;
type CatalogueOs = keyof typeof PLATFORM_OF;

const OsEntry = z.object({
  processes: z.array(z.string()).optional(),
  services: z.array(z.string()).optional(),
  paths: z.array(z.string()).optional(),
});
const OsEntries = z.object({
  windows: OsEntry.optional(),
  macos: OsEntry.optional(),
  linux: OsEntry.optional(),
});
const LolrmmEntry = z.object({
  name: z.string(),
  os: OsEntries,
  ambiguousProcesses: z.array(z.string()).optional(),
});
const ExtraEntry = z.object({
  name: z.string(),
  os: OsEntries,
  ports: z.array(z.string().regex(/^\d+(-\d+)?$/)),
});
/** Per platform, a name and the other software that uses it. */
const NamesByOs = z.object({
  windows: z.record(z.string(), z.string()).optional(),
  macos: z.record(z.string(), z.string()).optional(),
  linux: z.record(z.string(), z.string()).optional(),
});
const SharedNames = z.object({ processes: NamesByOs, services: NamesByOs });

export function executableKey(name: string): string {
  return name.toLowerCase().replace(/\.exe$/, '');
}

function parsePorts(specs: readonly string[]): PortRange[] {
  return specs.map((spec) => {
    const [from = 0, to = from] = spec.split('-').map(Number);
    return { from, to };
  });
}

const shared = SharedNames.parse(sharedNames);
const sharedKeys = (names: Record<string, string> | undefined): Set<string> =>
  new Set(Object.keys(names ?? {}).map(executableKey));

function executables(
  entry: z.infer<typeof OsEntry>,
  ambiguous: readonly string[],
  os: CatalogueOs,
): Executables {
  const keys = (entry.processes ?? []).map(executableKey);
  const sharedHere = sharedKeys(shared.processes[os]);
  return {
    names: new Set(keys.filter((k) => !k.includes('*'))),
    namePatterns: keys.filter((k) => k.includes('*')).map(globToRegExp),
    ambiguous: new Set([...ambiguous.map(executableKey), ...keys.filter((k) => sharedHere.has(k))]),
    paths: (entry.paths ?? []).filter((p) => /[\\/]/.test(p) && !p.startsWith('~')).map(globToRegExp),
  };
}

function services(entry: z.infer<typeof OsEntry>, os: CatalogueOs): RegExp[] {
  const sharedHere = new Set(Object.keys(shared.services[os] ?? {}).map((s) => s.toLowerCase()));
  return (entry.services ?? [])
    .filter((s) => !sharedHere.has(s.toLowerCase()))
    .map((s) => globToRegExp(s.replace(/\.service$/, '')));
}

function tool(
  name: string,
  os: z.infer<typeof OsEntries>,
  ambiguous: readonly string[],
  ports: readonly string[],
): RemoteTool {
  const result: RemoteTool = { name, executables: {}, services: {}, ports: parsePorts(ports) };
  for (const key of Object.keys(PLATFORM_OF) as CatalogueOs[]) {
    const entry = os[key];
    if (!entry) continue;
    result.executables[PLATFORM_OF[key]] = executables(entry, ambiguous, key);
    result.services[PLATFORM_OF[key]] = services(entry, key);
  }
  return result;
}

function build(): RemoteTool[] {
  const fromLolrmm = z
    .array(LolrmmEntry)
    .parse(lolrmm)
    .map((entry) => tool(entry.name, entry.os, entry.ambiguousProcesses ?? [], []));
  const fromExtra = z
    .array(ExtraEntry)
    .parse(extra)
    .map((entry) => tool(entry.name, entry.os, [], entry.ports));
  return [...fromLolrmm, ...fromExtra];
}

export const remoteTools: readonly RemoteTool[] = build();
