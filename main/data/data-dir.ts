import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Electron's app.getPath('userData') puts HireProof's data, so the CLI and the app share it. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'HireProof');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'HireProof');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'HireProof');
}
