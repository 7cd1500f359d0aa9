import packageJson from '../../package.json' with { type: 'json' };
import type { AppRuntime } from '../probes/app/app-state';

/** The CLI runs on plain Node from a checkout or an npm install: never a packaged, signed app. */
export function sourceRuntime(): AppRuntime {
  return {
    isPackaged: false,
    executablePath: process.execPath,
    version: packageJson.version,
    resourcesPath: null,
  };
}
