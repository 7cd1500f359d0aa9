import { z } from 'zod';
import lolrmm from '../../reference/lolrmm-catalog.json';
import extra from '../../reference/remote-tools-extra.json';
import { globToRegExp } from './glob';

/** One remote-access tool, from LOLRMM (Apache-2.0, see main/reference/NOTICE.md) or our supplement. */
export interface RemoteTool {
  name: string;
  /** Executable names, lower-case, without `.exe`; wildcards kept as regexes. */
  names: Set<string>;
  namePatterns: RegExp[];
  /** Names too common to trust alone (dwm.exe, teams.exe): only a full path in `paths` counts. */
  ambiguous: Set<string>;
  paths: RegExp[];
  services: RegExp[];
  ports: PortRange[];
}

export interface PortRange {
  from: number;
  to: number;
}

const OsEntry = z.object({
  processes: z.array(z.string()).optional(),
  services: z.array(z.string()).optional(),
  paths: z.array(z.string()).optional(),
});
const LolrmmEntry = z.object({
  name: z.string(),
  os: z.object({ windows: OsEntry.optional(), macos: OsEntry.optional(), linux: OsEntry.optional() }),
  ambiguousProcesses: z.array(z.string()).optional(),
});
const ExtraEntry = z.object({
  name: z.string(),
  processes: z.array(z.string()),
  services: z.array(z.string()).optional(),
  ports: z.array(z.string().regex(/^\d+(-\d+)?$/)),
});

export function executableKey(name: string): string {
  return name.toLowerCase().replace(/\.exe$/, '');
}

function parsePorts(specs: readonly string[]): PortRange[] {
  return specs.map((spec) => {
    const [from = 0, to = from] = spec.split('-').map(Number);
    return { from, to };
  });
}

function tool(
  name: string,
  processes: readonly string[],
  services: readonly string[],
  paths: readonly string[],
  ambiguous: readonly string[],
  ports: readonly string[],
): RemoteTool {
  const keys = processes.map(executableKey);
  return {
    name,
    names: new Set(keys.filter((k) => !k.includes('*'))),
    namePatterns: keys.filter((k) => k.includes('*')).map(globToRegExp),
    ambiguous: new Set(ambiguous.map(executableKey)),
    paths: paths.filter((p) => /[\\/]/.test(p) && !p.startsWith('~')).map(globToRegExp),
    services: services.map((s) => globToRegExp(s.replace(/\.service$/, ''))),
    ports: parsePorts(ports),
  };
}

function build(): RemoteTool[] {
  const fromLolrmm = z
    .array(LolrmmEntry)
    .parse(lolrmm)
    .map((entry) => {
      const oses = [entry.os.windows, entry.os.macos, entry.os.linux].filter((o) => o !== undefined);
      return tool(
        entry.name,
        oses.flatMap((o) => o.processes ?? []),
        oses.flatMap((o) => o.services ?? []),
        oses.flatMap((o) => o.paths ?? []),
        entry.ambiguousProcesses ?? [],
        [],
      );
    });
  const fromExtra = z
    .array(ExtraEntry)
    .parse(extra)
    .map((e) => tool(e.name, e.processes, e.services ?? [], [], [], e.ports));
  return [...fromLolrmm, ...fromExtra];
}

export const remoteTools: readonly RemoteTool[] = build();
