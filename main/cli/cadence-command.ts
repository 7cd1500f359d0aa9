import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyzeCadence } from '../contract/cadence/analyze';
import { cadenceCheckResult } from '../contract/cadence/check-result';
import { parseInputTrace, traceLimits } from '../contract/input-trace';
import { formatCadence } from './format-cadence';
import { UsageError } from './usage-error';
import { whyUnreadable } from './why-unreadable';

export const cadenceUsage = 'hireproof cadence TRACE.json [--json]';

/**
 * `hireproof cadence`: analyzes a recorded input trace. Exit 0 local; 1 suspect or insufficient
 * data (like a check that cannot confirm, it needs a person to look); 2 bad usage or a bad file.
 */
export async function cadenceCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`expected one trace file (usage: ${cadenceUsage})`);
  const path = positionals[0]!;
  const trace = parseInputTrace(await readTraceJson(path));
  if (!trace.ok) throw new UsageError(`${path}: ${trace.error}`);

  const started = performance.now();
  const analysis = analyzeCadence(trace.trace);
  const result = cadenceCheckResult(analysis, Math.round(performance.now() - started));
  const output = values.json
    ? JSON.stringify(
        {
          decision: analysis.decision,
          score: analysis.score,
          truncated: trace.trace.truncated,
          check: result,
        },
        null,
        2,
      ) + '\n'
    : formatCadence(analysis, result, trace.trace.truncated);
  process.stdout.write(output);
  return analysis.decision === 'local' ? 0 : 1;
}

async function readTraceJson(path: string): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > traceLimits.fileBytes) {
      throw new UsageError(`${path} is ${size} bytes; a trace may be at most ${traceLimits.fileBytes}`);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${whyUnreadable(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
