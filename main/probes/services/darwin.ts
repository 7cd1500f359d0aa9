import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { parseDisabledOverrides, parseLaunchctlList, servicesFromLaunchd } from './parse-darwin';
import type { ServiceInfo } from './service';

export const darwinServiceCommands = {
  launchctlList: { file: 'launchctl', args: ['list'] },
  printDisabled: { file: 'launchctl', args: ['print-disabled', 'system'] },
} satisfies Record<string, Command>;

/** Where installers put launch daemons and agents for every user. */
export const LAUNCHD_FOLDERS = ['/Library/LaunchDaemons', '/Library/LaunchAgents'];

export async function readDarwinServices(host: Host): Promise<ServiceInfo[]> {
  const [list, disabled, folders] = await Promise.all([
    runCommand(host, darwinServiceCommands.launchctlList),
    runCommand(host, darwinServiceCommands.printDisabled),
    Promise.all(LAUNCHD_FOLDERS.map(async (dir) => ({ dir, files: await host.list(dir).catch(() => []) }))),
  ]);
  return servicesFromLaunchd(parseLaunchctlList(list), parseDisabledOverrides(disabled), folders);
}
