// Worker thread entry (bundled to out/reports/judge-worker.mjs): verifies and judges reports, one
// message at a time, with the policy the server started with.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { ServerPolicy } from '../server-policy';
import { judgeReport, type JudgeInput } from './judge-report';

const port = parentPort;
if (!port) throw new Error('judge-worker runs as a worker thread of the judge pool');
const { policy, demo } = z.object({ policy: ServerPolicy, demo: z.boolean() }).parse(workerData);

port.on('message', ({ id, input }: { id: number; input: JudgeInput }) => {
  judgeReport(input, policy, demo).then(
    (result) => port.postMessage({ id, result }),
    (error: unknown) =>
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
