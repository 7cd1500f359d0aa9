import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../main/package-root';
import type { ServerPolicy } from '../server-policy';
import { judgeReport, type JudgeInput, type Judged } from './judge-report';

export interface Judge {
  judge(input: JudgeInput): Promise<Judged>;
  close(): Promise<void>;
}

type Lane = {
  worker: Worker;
  pending: Map<number, { resolve: (j: Judged) => void; reject: (e: Error) => void }>;
};

/**
 * Reports are verified and judged in worker threads (one per core but the request loop's), so a
 * burst of reports keeps the request loop free for the next request and for HR. Each report goes
 * to the least busy worker. Without the bundle (`npm run build:cli`) they are judged in-process.
 */
export function judgePool(
  policy: ServerPolicy,
  demo: boolean,
  size = Math.max(1, availableParallelism() - 1),
): Judge {
  const script = join(packageRoot(import.meta.url), 'out', 'reports', 'judge-worker.mjs');
  if (!existsSync(script))
    return { judge: (input) => judgeReport(input, policy, demo), close: () => Promise.resolve() };
  let next = 0;
  let closing = false;
  const start = (): Lane => {
    const lane: Lane = { worker: new Worker(script, { workerData: { policy, demo } }), pending: new Map() };
    lane.worker.unref();
    lane.worker.on('message', (message: { id: number; result?: Judged; error?: string }) => {
      const task = lane.pending.get(message.id);
      lane.pending.delete(message.id);
      if (message.result) task?.resolve(message.result);
      else task?.reject(new Error(`judging the report failed: ${message.error ?? 'no answer'}`));
    });
    const fail = (error: Error) => {
      for (const task of lane.pending.values()) task.reject(error);
      lane.pending.clear();
      const at = lanes.indexOf(lane);
      if (at >= 0 && !closing) lanes[at] = start();
    };
    lane.worker.on('error', fail);
    lane.worker.on('exit', (code) => fail(new Error(`the judge worker stopped (${code})`)));
    return lane;
  };
  const lanes: Lane[] = Array.from({ length: size }, start);
  return {
    judge(input) {
      const lane = lanes.reduce((best, l) => (l.pending.size < best.pending.size ? l : best));
      const id = next++;
      return new Promise<Judged>((resolve, reject) => {
        lane.pending.set(id, { resolve, reject });
        lane.worker.postMessage({ id, input });
      });
    },
    async close() {
      closing = true;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
