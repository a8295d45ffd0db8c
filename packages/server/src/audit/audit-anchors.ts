import type { createReadStream } from 'node:fs';
import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Executor } from '../db/schema.js';
import { type AuditKey, anchorMac, rowMac, sameMac } from './audit-key.js';

/**
 * Signed anchors of the audit chain, outside the database: `<dataDir>/audit-anchors.log`, one
 * line per anchored head, appended after the rows have committed:
 *
 *     v1 <seq> <hash> <at> <keyId> <mac>
 *
 * `mac` = HMAC-SHA-256 with the audit key of "thonghanh/audit-anchor/v1\n<seq>\n<hash>\n<at>".
 * A database writer can delete rows from the end of the log and set the head back: every row
 * left is still signed, so only something outside the database remembers that the log once
 * went further. That is this file (and, when the server's log is collected elsewhere, the
 * same line in it). docs/architecture.md "Audit log" has the threat model.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  mac: string;
}

const LINE = /^v1 (\d+) ([0-9a-f]{64}) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) ([0-9a-f]{16}) ([0-9a-f]{64})$/;

export function formatAnchorLine(key: AuditKey, head: { seq: number; hash: string; at: string }): string {
  return `v1 ${head.seq} ${head.hash} ${head.at} ${key.id} ${anchorMac(key, head)}`;
}

/** The anchor a line holds, or null for a line that is not one (damaged or made up). */
export function parseAnchorLine(line: string): AuditAnchor | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  return { seq: Number(m[1]), hash: m[2] as string, at: m[3] as string, keyId: m[4] as string, mac: m[5] as string };
}

/** Is this anchor signed by `key`? */
export const anchorIsSigned = (key: AuditKey, a: AuditAnchor): boolean =>
  a.keyId === key.id && sameMac(a.mac, anchorMac(key, a));

/** Every non-empty line of the anchors file with its number; nothing when the file does not exist. */
export async function* readAnchorLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  let stream: ReturnType<typeof createReadStream>;
  try {
    const handle = await open(file, 'r');
    stream = handle.createReadStream({ encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  let n = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    n += 1;
    if (text.trim() !== '') yield { line: n, text };
  }
}

/** The highest seq anchored in the file's last 64 KB (0 when empty or absent). */
export async function lastAnchoredSeq(file: string): Promise<number> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 65_536);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    let max = 0;
    for (const line of buffer.toString('utf8').split('\n')) {
      const a = parseAnchorLine(line);
      if (a && a.seq > max) max = a.seq;
    }
    return max;
  } finally {
    await handle.close();
  }
}

export type AnchorOutcome =
  | { kind: 'anchored'; anchor: AuditAnchor }
  /** Nothing new since the last anchor (or an empty log). */
  | { kind: 'unchanged'; seq: number }
  /** The head is below what was already anchored: rows were cut from the end. Not anchored. */
  | { kind: 'head_behind'; seq: number; anchored: number }
  /** The head row is missing, or not signed by the key: not anchored. */
  | { kind: 'head_unsigned'; seq: number };

/**
 * Appends a signed line for the log's current head when it is past `after` (the last seq
 * anchored). Only a head that is a real, correctly signed row is anchored: a head set back or
 * a row written without the key is reported instead, never blessed.
 */
export async function anchorAuditHead(
  db: Executor,
  key: AuditKey,
  file: string,
  after: number,
  now: Date,
): Promise<AnchorOutcome> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'key_id'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  if (seq < after) return { kind: 'head_behind', seq, anchored: after };
  if (seq === after) return { kind: 'unchanged', seq };
  const row = await db.selectFrom('audit_log').select(['hash', 'mac']).where('seq', '=', seq).executeTakeFirst();
  const legacy = head.key_id === null && row?.mac === null;
  if (
    !row ||
    row.hash !== head.hash ||
    (!legacy && (row.mac === null || !sameMac(row.mac, rowMac(key, seq, row.hash))))
  ) {
    return { kind: 'head_unsigned', seq };
  }
  const at = now.toISOString();
  const line = formatAnchorLine(key, { seq, hash: row.hash, at });
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${line}\n`, { mode: 0o600 });
  return { kind: 'anchored', anchor: parseAnchorLine(line) as AuditAnchor };
}
