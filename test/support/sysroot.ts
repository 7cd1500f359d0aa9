import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Lays out files and symlinks under a fresh temporary root, the way the kernel lays out /proc. */
export class SysrootBuilder {
  private constructor(readonly root: string) {}

  static async create(): Promise<SysrootBuilder> {
    return new SysrootBuilder(await mkdtemp(join(tmpdir(), 'hireproof-sysroot-')));
  }

  async file(path: string, content: string | Buffer): Promise<this> {
    await mkdir(dirname(join(this.root, path)), { recursive: true });
    await writeFile(join(this.root, path), content);
    return this;
  }

  async link(path: string, target: string): Promise<this> {
    await mkdir(dirname(join(this.root, path)), { recursive: true });
    await symlink(target, join(this.root, path));
    return this;
  }

  /**
   * /proc/PID as the kernel shows it: NUL-separated cmdline and environ, exe and fd links; stat and
   * status (parent, session, uid) and maps when given.
   */
  async process(
    pid: number,
    p: {
      comm: string;
      argv: string[];
      exe?: string;
      environ?: Record<string, string>;
      sockets?: number[];
      tree?: { ppid: number; sid: number; uid: number };
      libraries?: string[];
    },
  ): Promise<this> {
    await this.file(`proc/${pid}/comm`, `${p.comm}\n`);
    await this.file(`proc/${pid}/cmdline`, p.argv.map((a) => `${a}\0`).join(''));
    await this.file(
      `proc/${pid}/environ`,
      Object.entries(p.environ ?? {})
        .map(([k, v]) => `${k}=${v}\0`)
        .join(''),
    );
    if (p.exe) await this.link(`proc/${pid}/exe`, p.exe);
    await mkdir(join(this.root, `proc/${pid}/fd`), { recursive: true });
    for (const [fd, inode] of (p.sockets ?? []).entries())
      await this.link(`proc/${pid}/fd/${fd + 3}`, `socket:[${inode}]`);
    if (p.tree) {
      const { ppid, sid, uid } = p.tree;
      await this.file(
        `proc/${pid}/stat`,
        `${pid} (${p.comm}) S ${ppid} ${pid} ${sid} 0 -1 4194560 0 0 0 0\n`,
      );
      await this.file(
        `proc/${pid}/status`,
        `Name:\t${p.comm}\nPPid:\t${ppid}\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n`,
      );
    }
    if (p.libraries) {
      const lines = p.libraries.map(
        (lib, i) =>
          `7f1c${(0x2b000 + i).toString(16)}000-7f1c${(0x2b000 + i).toString(16)}fff r-xp 00000000 103:02 ${1400001 + i}   ${lib}\n`,
      );
      await this.file(`proc/${pid}/maps`, lines.join(''));
    }
    return this;
  }

  async tcp(rows: string[]): Promise<this> {
    const header =
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    await this.file('proc/net/tcp', header + rows.map((r, i) => `   ${i}: ${r}\n`).join(''));
    await this.file('proc/net/tcp6', header);
    return this;
  }
}

/** A /proc/net/tcp row: local and remote as kernel hex, state 0A listen / 01 established. */
export function tcpRow(local: string, remote: string, state: '0A' | '01', inode: number): string {
  return `${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0`;
}
