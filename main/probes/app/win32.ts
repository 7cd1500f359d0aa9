import type { AppPlatform } from './app-platform';
import { declaredHashesInExe } from './parse-asar';
import { authenticodeScript, parseAuthenticode } from './parse-authenticode';

export const win32App: AppPlatform = {
  fuseBinary: ({ executablePath }) => executablePath,

  async signature(host, { executablePath }) {
    const output = await host
      .run(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', authenticodeScript(executablePath)],
        { timeoutMs: 15_000 },
      )
      .catch((error: unknown) => error as Error);
    if (output instanceof Error) {
      return { method: 'authenticode', status: 'unverifiable', signer: null, detail: output.message };
    }
    return parseAuthenticode(output);
  },

  declaredAsarHashes: (_host, _runtime, executable) => Promise.resolve(declaredHashesInExe(executable)),
};
