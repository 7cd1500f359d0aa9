// Copies the write-ahead log into the database file in a thread of its own (SQLite's checkpoint
// fsyncs both files), so the request loop never waits on it. Passive: it never blocks a writer.
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { z } from 'zod';

const { path, everyMs } = z.object({ path: z.string(), everyMs: z.number() }).parse(workerData);
const db = new SqliteDatabase(path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or interrupted: the next round copies what this one could not.
  }
}, everyMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.postMessage('stopped');
  parentPort?.close();
});
