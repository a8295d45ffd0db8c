import type { ListCache } from '../shared/lists.js';
import type { QueuedScan, Refusal, ScanStore } from './scan-queue.js';

/**
 * The device's storage, in IndexedDB (survives restarts, works offline, not limited to the
 * few MB of localStorage): a key–value store for the session, the settings and the cached
 * lists, and the scan log. A few lines over the raw API keep the bundle small.
 */

const DB_NAME = 'thonghanh-checkpoint';
const DB_VERSION = 1;
const KV = 'kv';
const SCANS = 'scans';
/** Sent scans are kept this long on the device (the server has them), then pruned. */
const KEEP_SENT_MS = 7 * 24 * 3600_000;

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(KV)) db.createObjectStore(KV);
      if (!db.objectStoreNames.contains(SCANS)) {
        // Auto-incremented key: the log stays in the order scans were made.
        const scans = db.createObjectStore(SCANS, { keyPath: 'seq', autoIncrement: true });
        scans.createIndex('id', 'scan.id', { unique: true });
        scans.createIndex('sent', 'sent');
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch((e) => {
    opening = null;
    throw e;
  });
  return opening;
}

export async function kvGet<T>(key: string): Promise<T | undefined> {
  const db = await openDb();
  return (await request(db.transaction(KV, 'readonly').objectStore(KV).get(key))) as T | undefined;
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(KV, 'readwrite');
  tx.objectStore(KV).put(value, key);
  await done(tx);
}

export async function kvDelete(key: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(KV, 'readwrite');
  tx.objectStore(KV).delete(key);
  await done(tx);
}

/** The shared list loader's cache, kept in IndexedDB (the trust and revocation lists). */
export const idbListCache: ListCache = {
  get: async (key) => (await kvGet<string>(`list:${key}`)) ?? null,
  set: (key, value) => kvSet(`list:${key}`, value),
};

/** Marks scans answered (sent = 1, with a refusal when there was one), and prunes old ones. */
async function settle(scans: ReadonlyArray<{ id: string; refused?: Refusal }>, sentAt: number): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(SCANS, 'readwrite');
  const store = tx.objectStore(SCANS);
  const byId = store.index('id');
  for (const { id, refused } of scans) {
    const req = byId.openCursor(id);
    req.onsuccess = () => {
      const cursor = req.result;
      if (cursor) cursor.update({ ...(cursor.value as QueuedScan), sent: 1, sentAt, ...(refused ? { refused } : {}) });
    };
  }
  // Prune what the server has had (or refused) for a week.
  const old = store.index('sent').openCursor(1);
  old.onsuccess = () => {
    const cursor = old.result;
    if (!cursor) return;
    const row = cursor.value as QueuedScan;
    if ((row.sentAt ?? 0) < sentAt - KEEP_SENT_MS) cursor.delete();
    cursor.continue();
  };
  await done(tx);
}

export function idbScanStore(): ScanStore {
  return {
    async add(entry: QueuedScan) {
      const db = await openDb();
      const tx = db.transaction(SCANS, 'readwrite');
      tx.objectStore(SCANS).add(entry);
      await done(tx);
    },
    async unsent(limit: number) {
      const db = await openDb();
      const index = db.transaction(SCANS, 'readonly').objectStore(SCANS).index('sent');
      // Equal index keys come in primary-key order: oldest first.
      return (await request(index.getAll(0, limit))) as QueuedScan[];
    },
    markSent: (ids: readonly string[], sentAt: number) =>
      settle(
        ids.map((id) => ({ id })),
        sentAt,
      ),
    markRefused: (refusals, at) =>
      settle(
        refusals.map(({ id, code, message }) => ({ id, refused: { code, message } })),
        at,
      ),
    async countUnsent() {
      const db = await openDb();
      return request(db.transaction(SCANS, 'readonly').objectStore(SCANS).index('sent').count(0));
    },
  };
}

/** The newest scans on the device, newest first (the officer's own history screen). */
export async function recentScans(limit: number): Promise<QueuedScan[]> {
  const db = await openDb();
  const store = db.transaction(SCANS, 'readonly').objectStore(SCANS);
  const out: QueuedScan[] = [];
  await new Promise<void>((resolve, reject) => {
    const req = store.openCursor(null, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.length >= limit) return resolve();
      out.push(cursor.value as QueuedScan);
      cursor.continue();
    };
  });
  return out;
}
