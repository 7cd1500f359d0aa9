import { decodeJson, runCommand, type Command } from '../command';
import type { Host } from '../host';
import type { CameraInfo } from './camera';
import { camerasFromProfiler } from './parse-darwin';

export const darwinCameraCommands = {
  profiler: { file: 'system_profiler', args: ['-json', 'SPCameraDataType'], timeoutMs: 15_000 },
} satisfies Record<string, Command>;

export async function readDarwinCameras(host: Host): Promise<CameraInfo[]> {
  const output = await runCommand(host, darwinCameraCommands.profiler);
  return camerasFromProfiler(decodeJson(output, 'system_profiler SPCameraDataType'));
}
