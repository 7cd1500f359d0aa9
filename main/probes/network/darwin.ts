import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import type { NetworkInfo } from './network';
import { parseDefaultRoutes, parseIfconfig, parseScutilProxy } from './parse-darwin';

export const darwinNetworkCommands = {
  ifconfig: { file: 'ifconfig', args: [] },
  routes: { file: 'netstat', args: ['-rn'] },
  proxy: { file: 'scutil', args: ['--proxy'] },
} satisfies Record<string, Command>;

export async function readDarwinNetwork(host: Host): Promise<NetworkInfo> {
  const [ifconfig, routes, proxy] = await Promise.all([
    runCommand(host, darwinNetworkCommands.ifconfig),
    runCommand(host, darwinNetworkCommands.routes),
    runCommand(host, darwinNetworkCommands.proxy),
  ]);
  return {
    interfaces: parseIfconfig(ifconfig),
    defaultRoutes: parseDefaultRoutes(routes),
    proxies: parseScutilProxy(proxy),
  };
}
