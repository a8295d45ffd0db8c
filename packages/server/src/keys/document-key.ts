import { createHash, createPrivateKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import type { PrivateJwk } from '@thonghanh/core';
import type Forge from 'node-forge';
import type { Executor, WardDocumentKeyRow } from '../db/schema.js';
import { lazyRequire } from '../lazy-require.js';
import { wardIssuer } from './issuer.js';
import type { MasterKey } from './master-key.js';
import { openPrivateJwk, sealPrivateJwk } from './seal-private-key.js';

// Loaded when a document key is first made or opened, not at server start (docs/runtime.md).
const forge = lazyRequire<typeof Forge>('node-forge');

/** A document certificate is good for five years; a new one is made when it has run out. */
const CERT_YEARS = 5;

/** What signs a ward's PDFs: its RSA key and self-signed X.509 certificate, both as PEM. */
export interface DocumentSigningKey {
  certificatePem: string;
  privateKeyPem: string;
  /** The certificate's subject common name, e.g. `UBND phường Đức Giang`. */
  subjectName: string;
}

/**
 * The ward's document-signing key, made on first use: an RSA-2048 key (what every PDF
 * reader verifies; the QR keys are Ed25519/P-256, kept small for the QR and never reused
 * here) and a self-signed certificate naming the ward (CN = `UBND phường …`, O = the
 * ward's issuer id `VN-01-004-00124`, L = district, ST = province, C = VN). Self-signed:
 * a PDF reader shows the signature as valid and the document unchanged, and the signer's
 * identity as unknown until the ward's certificate (embedded in every signature; also
 * `wardDocumentCertificate`) is added to its trusted certificates.
 * The private key is sealed under the master key like the QR keys.
 */
export async function wardDocumentKey(
  db: Executor,
  wardCode: string,
  master: MasterKey,
  now: Date,
): Promise<DocumentSigningKey> {
  let row = await db.selectFrom('ward_document_keys').selectAll().where('ward_code', '=', wardCode).executeTakeFirst();
  if (row && row.not_after <= now.toISOString()) {
    await db.deleteFrom('ward_document_keys').where('ward_code', '=', wardCode).execute();
    row = undefined;
  }
  if (!row) {
    const made = await newDocumentKey(db, wardCode, master, now);
    await db
      .insertInto('ward_document_keys')
      .values(made)
      .onConflict((oc) => oc.column('ward_code').doNothing())
      .execute();
    row = await db
      .selectFrom('ward_document_keys')
      .selectAll()
      .where('ward_code', '=', wardCode)
      .executeTakeFirstOrThrow();
  }
  return openDocumentKey(master, row);
}

/** The ward's document certificate (PEM), or undefined before its first signed document. */
export async function wardDocumentCertificate(db: Executor, wardCode: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('ward_document_keys')
    .select('certificate_pem')
    .where('ward_code', '=', wardCode)
    .executeTakeFirst();
  return row?.certificate_pem;
}

function openDocumentKey(master: MasterKey, row: WardDocumentKeyRow): DocumentSigningKey {
  const jwk = openPrivateJwk(
    master,
    row.private_jwk_sealed,
    row.ward_code,
    sealLabel(row.kid),
  ) as unknown as JsonWebKey;
  const privateKeyPem = forge.pki.privateKeyToPem(forge.pki.privateKeyFromPem(jwkToPem(jwk)));
  const cert = forge.pki.certificateFromPem(row.certificate_pem);
  return {
    certificatePem: row.certificate_pem,
    privateKeyPem,
    subjectName: String(cert.subject.getField('CN')?.value ?? ''),
  };
}

function jwkToPem(jwk: JsonWebKey): string {
  return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function newDocumentKey(
  db: Executor,
  wardCode: string,
  master: MasterKey,
  now: Date,
): Promise<WardDocumentKeyRow> {
  const ward = await wardIssuer(db, wardCode);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem) as Forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial from the time and the ward: unique per ward and moment.
  cert.serialNumber = `01${createHash('sha256').update(`${wardCode}|${now.toISOString()}`).digest('hex').slice(0, 30)}`;
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CERT_YEARS);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = [
    { name: 'commonName', value: utf8(ward.issuerName), valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'organizationName', value: utf8(ward.issuer), valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'localityName', value: utf8(ward.districtName), valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'stateOrProvinceName', value: utf8(ward.provinceName), valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'countryName', value: 'VN' },
  ] as Forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const kid = createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
  const jwk = privateKey.export({ format: 'jwk' }) as unknown as PrivateJwk;
  return {
    ward_code: wardCode,
    kid,
    private_jwk_sealed: sealPrivateJwk(master, jwk, wardCode, sealLabel(kid)),
    master_key_id: master.id,
    certificate_pem: certificatePem,
    not_before: notBefore.toISOString(),
    not_after: notAfter.toISOString(),
    created_at: now.toISOString(),
  };
}

/** The sealing's associated data names a document key apart from any QR key's kid. */
const sealLabel = (kid: string) => `document:${kid}`;

/** forge encodes UTF8String values itself: give it the text (NFC, as the names are stored). */
const utf8 = (s: string) => s.normalize('NFC');
