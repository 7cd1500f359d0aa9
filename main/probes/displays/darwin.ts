import { decodeJson, runCommand, type Command } from '../command';
import type { Host } from '../host';
import type { DisplayInfo } from './display';
import { displaysFromProfiler } from './parse-darwin';

export const darwinDisplayCommands = {
  profiler: { file: 'system_profiler', args: ['-json', 'SPDisplaysDataType'], timeoutMs: 15_000 },
} satisfies Record<string, Command>;

export async function readDarwinDisplays(host: Host): Promise<DisplayInfo[]> {
  const output = await runCommand(host, darwinDisplayCommands.profiler);
  return displaysFromProfiler(decodeJson(output, 'system_profiler SPDisplaysDataType'));
}
