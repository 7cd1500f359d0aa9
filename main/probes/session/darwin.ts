import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { darwinServiceCommands } from '../services/darwin';
import { parseDisabledOverrides } from '../services/parse-darwin';
import { darwinSocketCommands } from '../sockets/darwin';
import { parseNetstatTcp } from '../sockets/parse-darwin';
import { parseEnvLines, parseWho, screenSharingFlags, screenSharingViewers } from './parse-darwin';
import { sessionEnv } from './parse-linux';
import type { SessionInfo } from './session';

export const darwinSessionCommands = {
  who: { file: 'who', args: [] },
  // A child inherits our environment: `env` shows it through the same door as every other read.
  env: { file: 'env', args: [], inheritEnvironment: true },
} satisfies Record<string, Command>;

/** Written by ARD's kickstart: `enabled` while Remote Management is on. */
export const REMOTE_MANAGEMENT_SWITCH =
  '/Library/Application Support/Apple/Remote Desktop/RemoteManagement.launchd';

export async function readDarwinSession(host: Host): Promise<SessionInfo> {
  const [who, env, disabled, netstat, remoteManagement] = await Promise.all([
    runCommand(host, darwinSessionCommands.who),
    runCommand(host, darwinSessionCommands.env),
    runCommand(host, darwinServiceCommands.printDisabled),
    runCommand(host, darwinSocketCommands.netstat),
    host.readText(REMOTE_MANAGEMENT_SWITCH).catch(() => null),
  ]);
  return {
    env: sessionEnv(parseEnvLines(env)),
    loginSessions: [...parseWho(who), ...screenSharingViewers(parseNetstatTcp(netstat))],
    flags: screenSharingFlags(parseDisabledOverrides(disabled), remoteManagement),
  };
}
