import { base64urlEncode, bytesEqual } from './bytes.js';
import { type Claims, type CredentialKind, decodeClaims, kindOf } from './claims.js';
import { type ClaimsJson, claimsToJson } from './claims-json.js';
import { decodeSign1, sigStructure } from './cose.js';
import { isCanonicalEd25519Signature } from './crypto/ed25519-encoding.js';
import { algFromCose, type CryptoProvider } from './crypto/provider.js';
import { digitsToBytes } from './digits.js';
import { cardMatchesHolder, readCccdCardQr } from './identifiers/cccd-card-qr.js';
import { splitQrText } from './qr-text.js';
import { EMPTY_REVOCATION_LIST, type RevocationList } from './revocation-list.js';
import { isWardCode } from './text-rules.js';
import { VN_OFFSET_SECONDS } from './time.js';
import type { TrustList } from './trust-list.js';
import type { Verdict, Warning } from './verdicts.js';

export interface VerifyOptions {
  crypto: CryptoProvider;
  trust: TrustList;
  revoked?: RevocationList;
  /** Verification time: a Date or milliseconds since the epoch; now when absent. */
  at?: Date | number;
  /** Ward code of the checkpoint, for the route check (5 ASCII digits, else ignored). */
  checkpointWard?: string;
  /** The deployment's official ORIGIN; when set, any other origin is warned about. */
  officialOrigin?: string;
  /** The text of a CCCD card's QR scanned with the permit. */
  cccdQr?: string;
}

export interface VerifyResult {
  verdict: Verdict;
  warnings: Warning[];
  kind: CredentialKind | null;
  /** The claims as read, in the JSON shape, once they could be read (null before). */
  claims: ClaimsJson | null;
  /** The ORIGIN the code pointed at, once the text was recognised. */
  origin: string | null;
  /** Issuer name from the trust list when the signature verified. */
  issuerName?: string;
  /** For a `malformed` verdict: which rule broke (English, for logs and support). */
  detail?: string;
}

const EMPTY_PROTECTED_KEYS = new Set([1, 4]);

/**
 * Verifies the text of a scanned QR code (spec §5): the checks run in the spec's order and
 * the first failure is the verdict; warnings only accompany `valid`. Never throws.
 */
export function verify(text: unknown, options: VerifyOptions): Promise<VerifyResult> {
  return verifyUnsafe(text, options).catch(
    (e: unknown): VerifyResult => ({
      verdict: 'malformed',
      warnings: [],
      kind: null,
      claims: null,
      origin: null,
      detail: String(e),
    }),
  );
}

function result(verdict: Verdict, extra?: Partial<VerifyResult>): VerifyResult {
  return { verdict, warnings: [], kind: null, claims: null, origin: null, ...extra };
}

function malformed(origin: string, detail: string): VerifyResult {
  return { verdict: 'malformed', warnings: [], kind: null, claims: null, origin, detail };
}

async function verifyUnsafe(text: unknown, options: VerifyOptions): Promise<VerifyResult> {
  if (typeof text !== 'string') return result('not_permit_qr');
  const split = splitQrText(text);
  if (!split) return result('not_permit_qr');
  const origin = split.origin;

  // §3 digits → §2 COSE_Sign1 → §1 claims; any break is `malformed`.
  const bytes = digitsToBytes(split.digits);
  if (!bytes) return malformed(origin, 'digits');
  const sign1 = decodeSign1(bytes);
  if (!sign1.ok) return malformed(origin, sign1.detail ?? sign1.message);
  const s = sign1.value;
  const header = s.protectedHeader;
  if (header.size !== 2 || !header.entries.every(([k]) => typeof k === 'number' && EMPTY_PROTECTED_KEYS.has(k))) {
    return malformed(origin, 'protected header must be exactly {1: alg, 4: kid}');
  }
  const alg = algFromCose(header.get(1));
  if (!alg) return malformed(origin, 'alg must be -8 or -7');
  const kid = header.get(4);
  if (!(kid instanceof Uint8Array) || kid.length !== 8) return malformed(origin, 'kid must be 8 bytes');
  if (s.unprotectedHeader.size !== 0) return malformed(origin, 'unprotected header must be empty');
  if (s.signature.length !== 64) return malformed(origin, 'signature must be 64 bytes');
  const decoded = decodeClaims(s.payload);
  if (!decoded.ok) return malformed(origin, decoded.detail ?? decoded.message);
  const claims = decoded.value;
  const kind = kindOf(claims);
  const read = { origin, kind, claims: claimsToJson(claims) };

  // §5 trust: issuer, kid and alg must all match an entry.
  const candidates = options.trust.keys.filter(
    (k) => k.issuer === claims.iss && k.alg === alg && bytesEqual(k.kid, kid),
  );
  if (candidates.length === 0) return result('unknown_key', read);
  const data = sigStructure(s.protectedBytes, s.payload);
  const verifying = [];
  // RFC 8032 §5.1.7's encoding rules, the same on every platform (crypto/ed25519-encoding.ts).
  const canonical = alg !== 'EdDSA' || isCanonicalEd25519Signature(s.signature);
  for (const k of canonical ? candidates : []) {
    let good = false;
    try {
      const checked = options.crypto.verify(alg, k.key, data, s.signature);
      good = typeof checked === 'boolean' ? checked : await checked;
    } catch {
      good = false;
    }
    if (good) verifying.push(k);
  }
  if (verifying.length === 0) return result('bad_signature', read);
  const inForce = verifying.find((k) => claims.iat >= k.notBefore && claims.iat <= k.notAfter);
  if (!inForce) return result('key_not_valid', read);
  const name = inForce.issuerName;

  const revoked = (options.revoked ?? EMPTY_REVOCATION_LIST).revoked;
  if (revoked.size > 0 && revoked.has(base64urlEncode(claims.cti))) return signedResult('revoked', [], read, name);
  const t = verificationTime(options.at);
  if (t < claims.nbf) return signedResult('not_yet_valid', [], read, name);
  if (t >= claims.exp) return signedResult('expired', [], read, name);
  return signedResult('valid', warningsFor(claims, t, origin, options), read, name);
}

/** A result once the signature verified: no spreads, issuerName only when the list names the issuer. */
function signedResult(
  verdict: Verdict,
  warnings: Warning[],
  read: { origin: string; kind: CredentialKind; claims: ClaimsJson },
  issuerName: string | undefined,
): VerifyResult {
  const r: VerifyResult = { verdict, warnings, kind: read.kind, claims: read.claims, origin: read.origin };
  if (issuerName !== undefined) r.issuerName = issuerName;
  return r;
}

/** Whole seconds, fractions dropped (spec §5). */
function verificationTime(at: Date | number | undefined): number {
  const ms = at === undefined ? Date.now() : typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / 1000);
}

function warningsFor(claims: Claims, t: number, origin: string, options: VerifyOptions): Warning[] {
  const warnings: Warning[] = [];
  const p = claims.permit;
  if (
    p &&
    isWardCode(options.checkpointWard) &&
    p.routeWards.length > 0 &&
    !p.routeWards.includes(options.checkpointWard)
  ) {
    warnings.push('off_route');
  }
  if (p?.schedule && !withinSchedule(p.schedule, t)) warnings.push('outside_schedule');
  if (options.officialOrigin !== undefined && origin !== options.officialOrigin) warnings.push('untrusted_origin');
  if (p && options.cccdQr !== undefined && !cardMatchesHolder(readCccdCardQr(options.cccdQr), p)) {
    warnings.push('identity_mismatch');
  }
  return warnings;
}

/** Whether time t falls in the schedule, in Việt Nam time (UTC+7). */
export function withinSchedule(schedule: { mask: number; start: number; end: number }, t: number): boolean {
  const local = t + VN_OFFSET_SECONDS;
  const weekday = (new Date(local * 1000).getUTCDay() + 6) % 7; // 0 = Monday
  const minute = Math.floor((((local % 86400) + 86400) % 86400) / 60);
  return (schedule.mask & (1 << weekday)) !== 0 && minute >= schedule.start && minute < schedule.end;
}
