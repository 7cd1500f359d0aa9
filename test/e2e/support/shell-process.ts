import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ShellProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts `out/browser-shell/serve.mjs` (what `npm run dev:browser` runs) on a free port. */
export async function startShellProcess(args: string[]): Promise<ShellProcess> {
  const child = spawn(process.execPath, ['out/browser-shell/serve.mjs', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^HireProof browser shell: (http:\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`browser shell exited (${code}): ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
