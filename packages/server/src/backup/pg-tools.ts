import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * PostgreSQL's own tools do its backups: `pg_dump --format=custom` and `pg_restore`. The
 * database's address is passed through the environment (never on the command line, where
 * `ps` would show its password), and the commands printed for people say `"$DATABASE_URL"`.
 */

/** The schema a URL chooses with `options=-c search_path=…` (the tests' throw-away schemas), if any. */
export function schemaOf(url: string): string | null {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /search_path=([A-Za-z_][\w]*)/.exec(options)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The path of `tool` on PATH, or null. */
export function findOnPath(tool: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, tool);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

export function pgDumpArgs(url: string, file: string, snapshot?: string): string[] {
  const schema = schemaOf(url);
  return [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    ...(schema ? [`--schema=${schema}`] : []),
    ...(snapshot ? [`--snapshot=${snapshot}`] : []),
    `--file=${file}`,
  ];
}

export function pgRestoreArgs(file: string, clean: boolean): string[] {
  return ['--no-owner', '--no-privileges', '--exit-on-error', ...(clean ? ['--clean', '--if-exists'] : []), file];
}

/** The command as a person types it, the address left in $DATABASE_URL. */
export const shellCommand = (tool: string, args: string[], dbFlag: '' | '--dbname=') =>
  `${tool} ${args.map((a) => (/^[\w=./:-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ')} ${dbFlag}"$DATABASE_URL"`;

/** libpq's environment for a postgres:// URL (host, port, user, password, database, options). */
export function pgEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  const options = u.searchParams.get('options');
  if (options) env.PGOPTIONS = options;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a pg tool on the database of `url` (given through the environment); rejects with its stderr on failure. */
export function runPgTool(path: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...pgEnv(url) } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path} thoát với mã ${code}: ${stderr.trim()}`)),
    );
  });
}
