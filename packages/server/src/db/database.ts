import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite. */
  url?: string | undefined;
  /** Directory of `kontor.sqlite` (SQLite only). */
  dataDir?: string | undefined;
  /** Explicit SQLite file (tests); wins over `dataDir`. */
  sqliteFile?: string | undefined;
}

export interface OpenedDatabase {
  db: Db;
  kind: DbKind;
}

/** True when the URL names a PostgreSQL database. */
export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/** Opens SQLite (WAL, foreign keys on) or a PostgreSQL pool; the rest of the server does not care which. */
export function openDatabase(options: OpenDatabaseOptions = {}): OpenedDatabase {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      // count(*) and sums come back as int8; our values fit in a double, so parse them as numbers.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client can die under us (server restart, failover, pg_terminate_backend). pg then emits
    // 'error' on the pool, which kills the process if nobody listens; the next query simply opens
    // a new connection, so logging is all that is needed.
    pool.on('error', (error) => {
      console.warn(`PostgreSQL: an idle connection closed (${error.message}); the pool reconnects on the next query.`);
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres' };
  }
  let file = options.sqliteFile;
  if (!file) {
    const dir = options.dataDir ?? '.data';
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'kontor.sqlite');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), kind: 'sqlite' };
}

/**
 * Kysely prepares every query anew; compiling the SQL was a tenth of the CPU of a catalogue
 * request. Our queries are few shapes with bound parameters, so prepared statements are kept by
 * SQL text (bounded, oldest dropped first). better-sqlite3 runs them synchronously, so one
 * statement is never used by two queries at once — except while streamed with `iterate`, which
 * we never do.
 */
function withStatementCache(sqlite: SQLite.Database, max = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        // Refresh its place so the cache drops the least recently used one.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
