import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../../main/contract/checks';
import { commandLine, type Command } from '../../main/probes/command';
import type { Host } from '../../main/probes/host';

/** What one command printed on a real machine, or how it failed there. */
export interface Recording {
  command: Command;
  output?: string;
  failure?: string;
}

export interface RecordedMachine {
  platform: Platform;
  recordings: Recording[];
  /** Files and folder listings readers read directly (macOS launchd folders, switch files). */
  files?: Record<string, string>;
  dirs?: Record<string, string[]>;
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

/**
 * A Host that answers each command with what the same command printed on a real macOS or Windows
 * machine. A command nobody recorded fails, as a missing tool would, so the engine reports `error`.
 */
export function replayHost(machine: RecordedMachine): Host & { ran: string[] } {
  const ran: string[] = [];
  return {
    platform: machine.platform,
    sysroot: null,
    ran,
    readText: (path) => {
      const content = machine.files?.[path];
      return content === undefined ? Promise.reject(enoent(path)) : Promise.resolve(content);
    },
    readBytes: (path) => {
      const content = machine.files?.[path];
      return content === undefined ? Promise.reject(enoent(path)) : Promise.resolve(Buffer.from(content));
    },
    list: (path) => {
      const entries = machine.dirs?.[path];
      return entries === undefined ? Promise.reject(enoent(path)) : Promise.resolve([...entries]);
    },
    readLink: (path) => Promise.reject(enoent(path)),
    // A recording holds no live sockets: connecting here would reach this machine's instead.
    dial: ({ port }) => Promise.reject(new Error(`no connection in a replay (asked for port ${port})`)),
    run: (file, args) => {
      const line = commandLine({ file, args });
      ran.push(line);
      const recording = machine.recordings.find((r) => commandLine(r.command) === line);
      if (!recording) return Promise.reject(new Error(`${file} failed: not recorded on this machine`));
      if (recording.failure !== undefined)
        return Promise.reject(new Error(`${file} failed: ${recording.failure}`));
      return Promise.resolve(recording.output ?? '');
    },
  };
}

interface ScenarioFile {
  /** Another scenario of the same platform whose recordings fill in the ones this one lacks. */
  base?: string;
  files?: Record<string, string>;
  dirs?: Record<string, string[]>;
  /** Recording files that fail on this machine, with the error the tool printed. */
  failures?: Record<string, string>;
}

export const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'recorded');

/**
 * A scenario folder under test/fixtures/recorded/<platform>/: one file per command (named in
 * `manifest`), and an optional scenario.json naming a base scenario, files and folder listings.
 */
export function loadRecordedMachine(
  platform: Platform,
  scenario: string,
  manifest: Record<string, Command>,
): RecordedMachine {
  const dir = join(RECORDED, platform, scenario);
  const meta = readScenario(dir);
  const base = meta.base ? loadRecordedMachine(platform, meta.base, manifest) : null;
  const recordings: Recording[] = Object.entries(manifest).flatMap(([name, command]) => {
    const failure = meta.failures?.[name];
    if (failure !== undefined) return [{ command, failure }];
    const path = join(dir, name);
    if (existsSync(path)) return [{ command, output: readFileSync(path, 'utf8') }];
    return base?.recordings.filter((r) => commandLine(r.command) === commandLine(command)) ?? [];
  });
  return {
    platform,
    recordings,
    files: { ...base?.files, ...meta.files },
    dirs: { ...base?.dirs, ...meta.dirs },
  };
}

function readScenario(dir: string): ScenarioFile {
  const path = join(dir, 'scenario.json');
  if (!existsSync(dir)) throw new Error(`no recorded scenario at ${dir}`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile) : {};
}

export function recordedText(platform: Platform, scenario: string, name: string): string {
  return readFileSync(join(RECORDED, platform, scenario, name), 'utf8');
}
