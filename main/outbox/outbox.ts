import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFile, syncDir, writeDurably } from '../data/durable-write';

export interface QueuedReport {
  reportId: string;
  file: string;
  jws: string;
}

export interface DeadLetter {
  reportId: string;
  status: number | null;
  code: string;
  reason: string;
  at: string;
}

const REPORT_FILE = /^(\d{16})-([0-9a-f-]{36})\.jws$/;

/**
 * A durable queue of signed reports in a folder. A report is on disk (fsynced, renamed into place,
 * folder fsynced) before `enqueue` returns, and leaves the queue only when the server acknowledged
 * it or refused it for good (then only the reason is kept, in `dead/`). Files are named by a
 * sequence number, so delivery keeps the order reports were made in.
 */
export class Outbox {
  private lastSequence = 0;
  private readonly queueDir: string;
  private readonly deadDir: string;

  constructor(dataDir: string) {
    this.queueDir = join(dataDir, 'outbox');
    this.deadDir = join(dataDir, 'outbox', 'dead');
  }

  async enqueue(reportId: string, jws: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(reportId)) throw new Error(`report id ${reportId} is not a UUID`);
    await mkdir(this.deadDir, { recursive: true, mode: 0o700 });
    // Microseconds since the epoch, never repeating within this process.
    this.lastSequence = Math.max(this.lastSequence + 1, Date.now() * 1000);
    const file = `${String(this.lastSequence).padStart(16, '0')}-${reportId}.jws`;
    await writeDurably(join(this.queueDir, file), jws);
  }

  /** Queued reports, oldest first. A half-written temp file is never listed. */
  async queued(): Promise<QueuedReport[]> {
    const names = (await readdir(this.queueDir).catch(() => [])).filter((n) => REPORT_FILE.test(n)).sort();
    return Promise.all(
      names.map(async (file) => ({
        reportId: REPORT_FILE.exec(file)?.[2] ?? '',
        file,
        jws: await readFile(join(this.queueDir, file), 'utf8'),
      })),
    );
  }

  async dead(): Promise<DeadLetter[]> {
    const names = (await readdir(this.deadDir).catch(() => []))
      .filter((n) => n.endsWith('.reason.json'))
      .sort();
    return Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(this.deadDir, n), 'utf8')) as DeadLetter),
    );
  }

  /** The server has it: forget it, durably. */
  async acknowledge(report: QueuedReport): Promise<void> {
    await rm(join(this.queueDir, report.file));
    await syncDir(this.queueDir);
  }

  /**
   * The server refused it for good: the reason is kept for IT, never retried. The report itself
   * goes: it may hold face frames and a landmark trace, which no one may keep without end.
   */
  async deadLetter(report: QueuedReport, refusal: Omit<DeadLetter, 'reportId' | 'at'>): Promise<void> {
    const letter: DeadLetter = { reportId: report.reportId, ...refusal, at: new Date().toISOString() };
    await writeDurably(
      join(this.deadDir, report.file.replace(/\.jws$/, '.reason.json')),
      JSON.stringify(letter, null, 2),
    );
    await rm(join(this.queueDir, report.file));
    await syncDir(this.queueDir);
  }

  /** Removes temp files a crash left behind; none of them was ever acknowledged as queued. */
  async sweep(): Promise<number> {
    const temps = (await readdir(this.queueDir).catch(() => [])).filter(isTempFile);
    await Promise.all(temps.map((t) => rm(join(this.queueDir, t), { force: true })));
    return temps.length;
  }
}
