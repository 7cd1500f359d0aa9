import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Who a program runs as: root, or the ordinary `hire` user a remote hire would be (see .ci/run). */
export type RunAs = 'root' | 'hire';

export const HIRE = { name: 'hire', home: '/home/hire' } as const;

export interface Started {
  child: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * A network namespace of its own for one suite: its servers may take their real default ports
 * (22, 3389, 5901, 14500) without clashing with anything else on the machine, and HireProof run
 * inside it greets only the listeners the suite started. `ip netns exec` and `setpriv` both exec,
 * so the pid a test holds is the server's own and stopping it stops the server.
 */
export class NetworkNamespace {
  private constructor(readonly name: string) {}

  static async create(label: string): Promise<NetworkNamespace> {
    const name = `hp-${label}-${process.pid}`;
    await exec('ip', ['netns', 'add', name]);
    await exec('ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up']);
    return new NetworkNamespace(name);
  }

  private argv(as: RunAs, file: string, args: readonly string[]): string[] {
    const user =
      as === 'hire' ? ['setpriv', '--reuid', HIRE.name, '--regid', HIRE.name, '--init-groups'] : [];
    return ['netns', 'exec', this.name, ...user, file, ...args];
  }

  private env(as: RunAs, extra: Record<string, string>): NodeJS.ProcessEnv {
    const home = as === 'hire' ? HIRE.home : '/root';
    return {
      PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: home,
      USER: as === 'hire' ? HIRE.name : 'root',
      LANG: 'C.UTF-8',
      ...extra,
    };
  }

  /** Starts a server in the namespace; its output is kept for a failing test's message. */
  start(
    file: string,
    args: readonly string[],
    options: { as: RunAs; env?: Record<string, string> },
  ): Started {
    const child = spawn('ip', this.argv(options.as, file, args), {
      env: this.env(options.as, options.env ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await gone;
      clearTimeout(timer);
    };
    return { child, stop, output: () => output };
  }

  /** Runs a program to completion in the namespace. */
  async run(
    file: string,
    args: readonly string[],
    options: { as: RunAs; env?: Record<string, string>; timeoutMs?: number },
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        'ip',
        this.argv(options.as, file, args),
        {
          env: this.env(options.as, options.env ?? {}),
          timeout: options.timeoutMs ?? 60_000,
          maxBuffer: 32 * 1024 * 1024,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
      );
    });
  }

  /** Waits until something in the namespace listens on a TCP port. */
  async waitForPort(port: number, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const { stdout } = await exec('ip', ['netns', 'exec', this.name, 'ss', '-Hltn', `sport = :${port}`]);
      if (stdout.trim() !== '') return;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`nothing listened on port ${port} in ${this.name} within ${timeoutMs} ms`);
  }

  async destroy(): Promise<void> {
    await exec('ip', ['netns', 'del', this.name]).catch(() => undefined);
  }
}

/** The ordinary user the suites run servers and HireProof as; .ci/run creates it, this checks. */
export async function hireExists(): Promise<boolean> {
  return exec('id', ['-u', HIRE.name]).then(
    () => true,
    () => false,
  );
}

/** Creates the `hire` user when .ci/run has not (a password-less account sshd lets in by key). */
export async function ensureHire(): Promise<void> {
  if (!(await hireExists())) await exec('useradd', ['-m', '-s', '/bin/bash', HIRE.name]);
  await exec('usermod', ['-p', '*', HIRE.name]);
}
