import { access, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareFaceReadings, faceMatchThresholds, type FaceComparison } from '../contract/face-decision';
import type { FaceReading } from '../contract/face-reading';
import { serverFaceModel } from '../contract/face-template';
import { FaceImageError } from '../face/face-image-error';
import { startFacePool } from '../face/face-pool';
import { parseCsv } from './parse-csv';
import { UsageError } from './usage-error';
import { whyUnreadable } from './why-unreadable';

export const faceCompareUsage =
  'hireproof face-compare --id ID.jpg --probe PHOTO.jpg [--json] | --pairs FILE.csv (header id,probe; JSON line per pair)';

type Pair = { id: string; probe: string; idPath: string; probePath: string };

/** `hireproof face-compare`: exit 0 for a match, 1 otherwise; with --pairs, 0 once every pair is decided. */
export async function faceCompareCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      probe: { type: 'string' },
      json: { type: 'boolean' },
      pairs: { type: 'string' },
    },
    strict: true,
  });
  if (values.pairs !== undefined) {
    if (values.id !== undefined || values.probe !== undefined) {
      throw new UsageError('give either --pairs FILE.csv or --id and --probe, not both');
    }
    const pairs = await readPairs(values.pairs);
    const readings = await describeAll(pairs.flatMap((p) => [p.idPath, p.probePath]));
    for (const pair of pairs) {
      const comparison = compareFaceReadings(readings.get(pair.idPath)!, readings.get(pair.probePath)!);
      process.stdout.write(JSON.stringify({ id: pair.id, probe: pair.probe, ...rounded(comparison) }) + '\n');
    }
    return 0;
  }
  if (values.id === undefined || values.probe === undefined) {
    throw new UsageError('needs --id ID.jpg and --probe PHOTO.jpg, or --pairs FILE.csv');
  }
  const [idPath, probePath] = [resolve(values.id), resolve(values.probe)];
  await Promise.all([idPath, probePath].map((path) => ensureReadable(path, path)));
  const readings = await describeAll([idPath, probePath]);
  const comparison = rounded(compareFaceReadings(readings.get(idPath)!, readings.get(probePath)!));
  process.stdout.write(values.json ? JSON.stringify(comparison) + '\n' : formatComparison(comparison));
  return comparison.decision === 'match' ? 0 : 1;
}

const rounded = (c: FaceComparison): FaceComparison =>
  c.distance === null ? c : { ...c, distance: Math.round(c.distance * 10_000) / 10_000 };

function formatComparison(c: FaceComparison): string {
  const { match, review } = faceMatchThresholds[serverFaceModel];
  const bands = `match below ${match}, review below ${review}`;
  return c.distance === null
    ? `${c.decision}: ${c.reason}\n`
    : `${c.decision}: distance ${c.distance} (${bands})\n`;
}

async function ensureReadable(path: string, shown: string): Promise<void> {
  try {
    await access(path);
  } catch (error) {
    throw new UsageError(`cannot read image ${shown}: ${whyUnreadable(error)}`);
  }
}

/**
 * Relative paths in the CSV are looked up beside the CSV file, then in the current folder. Every
 * image is checked before any work starts, so a typo fails in a second, not after an hour.
 */
async function readPairs(csvPath: string): Promise<Pair[]> {
  let text: string;
  try {
    text = await readFile(csvPath, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${csvPath}: ${whyUnreadable(error)}`);
  }
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new UsageError(`${csvPath}: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (header?.fields.map((f) => f.trim()).join(',') !== 'id,probe') {
    throw new UsageError(`${csvPath}: the first line must be the header 'id,probe'`);
  }
  const located = new Map<string, Promise<string>>();
  const locate = (path: string) => {
    if (!located.has(path)) located.set(path, locateImage(path, dirname(resolve(csvPath)), csvPath));
    return located.get(path)!;
  };
  const pairs = body.map(async ({ line, fields }) => {
    const [id, probe] = fields;
    if (fields.length !== 2 || !id || !probe) {
      throw new UsageError(
        `${csvPath} line ${line}: expected two image paths 'id,probe', got ${fields.length} field(s)`,
      );
    }
    return { id, probe, idPath: await locate(id), probePath: await locate(probe) };
  });
  if (pairs.length === 0) throw new UsageError(`${csvPath}: no pairs after the header`);
  return Promise.all(pairs);
}

async function locateImage(path: string, csvDir: string, csvPath: string): Promise<string> {
  if (isAbsolute(path)) return ensureReadable(path, path).then(() => path);
  for (const candidate of [resolve(csvDir, path), resolve(path)]) {
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new UsageError(
    `cannot read image ${path} from ${csvPath}: not found beside the CSV nor in the current folder`,
  );
}

/** Each distinct image is described once, on as many worker threads as there are cores. */
async function describeAll(paths: string[]): Promise<Map<string, FaceReading>> {
  const distinct = [...new Set(paths)];
  const pool = startFacePool({ size: Math.min(availableParallelism(), distinct.length) });
  const readings = new Map<string, FaceReading>();
  const live = distinct.length > 2 && process.stderr.isTTY;
  let next = 0;
  // A few images in flight per worker keeps them busy without holding every photo in memory.
  const lane = async () => {
    for (let path = distinct[next++]; path !== undefined; path = distinct[next++]) {
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read image ${path}: ${whyUnreadable(error)}`);
      });
      const reading = await pool.descriptorOf(bytes).catch((error: unknown) => {
        throw error instanceof FaceImageError
          ? new UsageError(`cannot decode image ${path}: ${error.message}`)
          : error;
      });
      readings.set(path, reading);
      if (live) process.stderr.write(`\r\x1b[K  described ${readings.size}/${distinct.length} images`);
    }
  };
  try {
    const { workers } = await pool.ready;
    await Promise.all(Array.from({ length: workers * 2 }, lane));
  } finally {
    if (live) process.stderr.write('\r\x1b[K');
    await pool.close();
  }
  return readings;
}
