import { type Alg, base64urlEncode, createSigner, keyId, publicJwk, rawPublicKey, type Signer } from '@thonghanh/core';
import { type AuditActor, audit } from '../audit/append-audit.js';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import { newId } from '../db/ids.js';
import type { Executor, WardKeyRow } from '../db/schema.js';
import { wardIssuer } from './issuer.js';
import type { MasterKey } from './master-key.js';
import { openPrivateJwk, sealPrivateJwk } from './seal-private-key.js';

/**
 * How long a current key may sign before it is replaced on its own (its trust-list
 * `notAfter` while current). Rotation by hand is the normal way; this is the backstop.
 */
export const KEY_LIFETIME_DAYS = 365;
const DAY_MS = 86_400_000;

/** What key commands need besides the transaction. */
export interface KeyContext {
  master: MasterKey;
  actor: AuditActor;
  now: Date;
}

/** A ward's current key with its signer (the private key decrypted, in memory only). */
export interface SigningKey {
  row: WardKeyRow;
  signer: Signer;
}

/** ISO 8601 with whole seconds: trust-list times compare with `iat`, which is whole seconds. */
export const wholeSecondsIso = (d: Date): string => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();

export async function findWardKey(db: Executor, id: string): Promise<WardKeyRow | undefined> {
  return db.selectFrom('ward_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The key a ward signs with now, or undefined when it has none yet. */
export async function currentWardKey(db: Executor, wardCode: string): Promise<WardKeyRow | undefined> {
  return db
    .selectFrom('ward_current_keys as c')
    .innerJoin('ward_keys as k', 'k.id', 'c.key_id')
    .selectAll('k')
    .where('c.ward_code', '=', wardCode)
    .executeTakeFirst();
}

/** Every key of a ward, newest first. */
export async function listWardKeys(db: Executor, wardCode: string): Promise<WardKeyRow[]> {
  return db
    .selectFrom('ward_keys')
    .selectAll()
    .where('ward_code', '=', wardCode)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Generates a key pair, sealed, as a row (status `current`) not yet stored. */
async function newKeyRow(db: Executor, wardCode: string, alg: Alg, ctx: KeyContext): Promise<WardKeyRow> {
  const { issuer } = await wardIssuer(db, wardCode);
  const jwk = await nodeCryptoProvider.generateKey(alg);
  const pub = publicJwk(jwk);
  const kid = base64urlEncode(keyId(rawPublicKey(alg, pub) as Uint8Array));
  const notBefore = wholeSecondsIso(ctx.now);
  const row: WardKeyRow = {
    id: newId(),
    ward_code: wardCode,
    issuer,
    alg,
    kid,
    public_jwk: JSON.stringify(pub),
    private_jwk_sealed: sealPrivateJwk(ctx.master, jwk, wardCode, kid),
    master_key_id: ctx.master.id,
    status: 'current',
    not_before: notBefore,
    not_after: new Date(Date.parse(notBefore) + KEY_LIFETIME_DAYS * DAY_MS).toISOString(),
    retired_at: null,
    created_by: ctx.actor.id,
    created_at: ctx.now.toISOString(),
  };
  return row;
}

/**
 * The ward's current key, creating its first key (EdDSA) when it has none. Under concurrency
 * one first key wins: the audit head serialises writers, so the check is repeated once it is
 * held, and the pointer row's primary key decides in any case (a losing key is not kept).
 */
export async function ensureWardKey(db: Executor, wardCode: string, ctx: KeyContext): Promise<WardKeyRow> {
  const current = await currentWardKey(db, wardCode);
  if (current) return current;
  const created = await newKeyRow(db, wardCode, 'EdDSA', ctx);
  await audit(db, ctx.actor, 'ward_key.created', keyEntity(created), { kid: created.kid, alg: created.alg }, ctx.now);
  const raced = await currentWardKey(db, wardCode);
  if (raced) return raced;
  await db.insertInto('ward_keys').values(created).execute();
  await db
    .insertInto('ward_current_keys')
    .values({ ward_code: wardCode, key_id: created.id, updated_at: ctx.now.toISOString() })
    .onConflict((oc) => oc.column('ward_code').doNothing())
    .execute();
  const winner = (await currentWardKey(db, wardCode)) as WardKeyRow;
  if (winner.id !== created.id) await db.deleteFrom('ward_keys').where('id', '=', created.id).execute();
  return winner;
}

export interface Rotation {
  previous: WardKeyRow | null;
  current: WardKeyRow;
}

/**
 * Makes a new key the ward's signing key. The previous key is retired: its `not_after`
 * becomes the retirement time (nothing it signs later would verify), and it stays in the
 * trust list until the last credential it signed has expired (lists/trust-list.ts).
 */
export async function rotateWardKey(db: Executor, wardCode: string, alg: Alg, ctx: KeyContext): Promise<Rotation> {
  const created = await newKeyRow(db, wardCode, alg, ctx);
  // The audit head first, then the ward's pointer row: every writer takes locks in that order.
  await audit(db, ctx.actor, 'ward_key.rotated', keyEntity(created), { kid: created.kid, alg }, ctx.now);
  const locked = await db
    .updateTable('ward_current_keys')
    .set({ updated_at: ctx.now.toISOString() })
    .where('ward_code', '=', wardCode)
    .returning('key_id')
    .executeTakeFirst();
  await db.insertInto('ward_keys').values(created).execute();
  let previous: WardKeyRow | null = null;
  if (locked) {
    await db.updateTable('ward_current_keys').set({ key_id: created.id }).where('ward_code', '=', wardCode).execute();
    const retiredAt = wholeSecondsIso(ctx.now);
    await db
      .updateTable('ward_keys')
      .set({ status: 'retired', retired_at: retiredAt, not_after: retiredAt })
      .where('id', '=', locked.key_id)
      .execute();
    previous = (await findWardKey(db, locked.key_id)) ?? null;
  } else {
    await db
      .insertInto('ward_current_keys')
      .values({ ward_code: wardCode, key_id: created.id, updated_at: ctx.now.toISOString() })
      .execute();
  }
  return { previous, current: created };
}

/**
 * The key to sign with now: the current one, the first one created on demand, or a new one
 * when the current key reached the end of its life (KEY_LIFETIME_DAYS).
 */
export async function signingKeyFor(db: Executor, wardCode: string, ctx: KeyContext): Promise<SigningKey> {
  let row = await ensureWardKey(db, wardCode, ctx);
  if (Date.parse(row.not_after) <= ctx.now.getTime()) {
    row = (await rotateWardKey(db, wardCode, row.alg, ctx)).current;
  }
  return { row, signer: await signerOf(row, ctx.master) };
}

const keyEntity = (row: WardKeyRow) => ({ type: 'ward_key', id: row.id, wardCode: row.ward_code });

const signers = new Map<string, Promise<Signer>>();

/**
 * The signer of a key row: the sealed JWK opened with the master key and imported once per
 * process (kept by key id; a kid names one public key, so the entry never goes stale).
 */
export function signerOf(row: WardKeyRow, master: MasterKey): Promise<Signer> {
  const cacheKey = `${row.id}|${master.id}`;
  let signer = signers.get(cacheKey);
  if (!signer) {
    if (row.master_key_id !== master.id) {
      throw new Error(
        `khóa ký ${row.kid} của phường ${row.ward_code} được mã hóa bằng khóa chủ ${row.master_key_id}, không phải khóa chủ đang dùng (${master.id})`,
      );
    }
    const jwk = openPrivateJwk(master, row.private_jwk_sealed, row.ward_code, row.kid);
    signer = createSigner(jwk, nodeCryptoProvider);
    signers.set(cacheKey, signer);
    signer.catch(() => signers.delete(cacheKey));
  }
  return signer;
}
