import { open, type FileHandle } from 'node:fs/promises';
import {
  SqliteDialect,
  SqliteDriver,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Flushes the write-ahead log to disk, off the event loop (libuv's thread pool), one flush at a
 * time: a caller that arrives during a flush waits for the next one, which covers its write.
 */
export function walFlusher(walPath: string) {
  let handle: Promise<FileHandle> | undefined;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const flush = async () => (await (handle ??= open(walPath, 'r+'))).datasync();
  const next = (): Promise<void> => {
    if (!running) {
      running = flush().finally(() => (running = undefined));
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return next();
      });
    return queued;
  };
  return {
    flush: next,
    async close() {
      await running?.catch(() => undefined);
      await (await handle?.catch(() => undefined))?.close();
    },
  };
}

/** Whether a statement changes the database (a `RETURNING` write reads rows, so its kind decides). */
function writes(query: CompiledQuery): boolean {
  const { kind } = query.query;
  if (kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode') return true;
  return kind === 'RawNode' && /^\s*(insert|update|delete|replace)\b/i.test(query.sql);
}

/**
 * SQLite's own `synchronous = FULL` fsyncs in every COMMIT, and better-sqlite3 runs it on the
 * event loop: at a few hundred reports a second that alone fills the loop. This driver lets SQLite
 * write without syncing (`synchronous = NORMAL`) and flushes the log itself after each commit and
 * each write outside a transaction, off the loop, before the write's promise settles: every
 * acknowledged write is on disk, as with FULL, and the loop keeps serving meanwhile.
 */
class DurableSqliteDriver extends SqliteDriver {
  #inTransaction = false;
  #connection: DatabaseConnection | undefined;

  constructor(
    config: SqliteDialectConfig,
    private readonly durability: Durability,
  ) {
    super(config);
  }

  private flush() {
    return this.durability.flush();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    this.#connection ??= {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const result = await inner.executeQuery<R>(query);
        if (!this.#inTransaction && writes(query)) await this.flush();
        return result;
      },
      streamQuery: <R>(query: CompiledQuery, chunkSize: number) => inner.streamQuery<R>(query, chunkSize),
    };
    return this.#connection;
  }

  override async beginTransaction(connection: DatabaseConnection) {
    await super.beginTransaction(connection);
    this.#inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection) {
    await super.commitTransaction(connection);
    this.#inTransaction = false;
    await this.flush();
  }

  override async rollbackTransaction(connection: DatabaseConnection) {
    this.#inTransaction = false;
    await super.rollbackTransaction(connection);
  }

  override async destroy() {
    await this.durability.beforeClose();
    await super.destroy();
  }
}

/** How the log is flushed, and what must stop before the database closes (the checkpoint thread). */
export interface Durability {
  flush(): Promise<void>;
  beforeClose(): Promise<void>;
}

export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly durability: Durability,
  ) {
    super(config);
  }

  override createDriver() {
    return new DurableSqliteDriver(this.config, this.durability);
  }
}
