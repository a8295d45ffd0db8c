import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scratch } from '../../test/support/pdf-tools.js';
import { cadesDetachedSignedData } from './cades-signed-data.js';
import { signPdfDocument } from './sign-pdf.js';

const scratch = new Scratch();
afterAll(() => scratch.dispose());

/** A self-signed RSA certificate naming a ward in Vietnamese (UTF8String), made by OpenSSL. */
let signer: { certificatePem: string; privateKeyPem: string };
let certDer: Buffer;
beforeAll(() => {
  const key = join(scratch.dir, 'key.pem');
  const cert = join(scratch.dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-utf8',
      '-subj',
      '/CN=UBND phường Đức Giang/O=VN-01-004-00124/C=VN',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'pipe' },
  );
  signer = { certificatePem: readFileSync(cert, 'utf8'), privateKeyPem: readFileSync(key, 'utf8') };
  certDer = Buffer.from(forge.pem.decode(signer.certificatePem)[0]?.body ?? '', 'binary');
});

/** `openssl cms` on a detached signature: verifies the content (chain not checked: self-signed). */
function opensslVerify(signature: Buffer, content: Buffer): boolean {
  const sig = join(scratch.dir, 'sig.der');
  const data = join(scratch.dir, 'content.bin');
  writeFileSync(sig, signature);
  writeFileSync(data, content);
  const args = ['cms', '-verify', '-inform', 'DER', '-in', sig, '-binary', '-content', data, '-noverify'];
  return spawnSync('openssl', [...args, '-out', '/dev/null']).status === 0;
}

type Node = forge.asn1.Asn1;
/** The i-th child of a constructed node (negative: from the end); throws when there is none. */
function child(node: Node | undefined, i: number): Node {
  const c = (node?.value as Node[] | undefined)?.at(i);
  if (!c) throw new Error(`ASN.1: no child ${i}`);
  return c;
}

/** The signed attributes, by OID, as forge reads them back. */
function signedAttributes(signature: Buffer): Map<string, Node> {
  const signedData = child(child(forge.asn1.fromDer(signature.toString('binary')), 1), 0);
  const signerInfo = child(child(signedData, -1), 0);
  const out = new Map<string, Node>();
  for (const a of child(signerInfo, 3).value as Node[]) {
    out.set(forge.asn1.derToOid(child(a, 0).value as string), child(child(a, 1), 0));
  }
  return out;
}

describe('the CAdES detached signature of the ward’s documents', () => {
  it('verifies with OpenSSL, and no longer once one byte of the content changes', () => {
    const content = Buffer.from('%PDF-1.7 nội dung văn bản xác nhận');
    const sig = cadesDetachedSignedData(content, signer);
    expect(opensslVerify(sig, content)).toBe(true);
    const tampered = Buffer.from(content);
    tampered.writeUInt8(tampered.readUInt8(3) ^ 1, 3);
    expect(opensslVerify(sig, tampered)).toBe(false);
  });

  it('carries ESS signing-certificate-v2: the SHA-256 of the signer’s certificate, its issuer and serial', () => {
    const sig = cadesDetachedSignedData(Buffer.from('x'), signer);
    const attrs = signedAttributes(sig);
    // content-type, message-digest, signing-certificate-v2; no signing-time (PAdES uses /M).
    expect([...attrs.keys()].sort()).toEqual([
      '1.2.840.113549.1.9.16.2.47',
      '1.2.840.113549.1.9.3',
      '1.2.840.113549.1.9.4',
    ]);
    const v2 = attrs.get('1.2.840.113549.1.9.16.2.47');
    // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial }] }: SHA-256 by default.
    const certId = child(child(v2, 0), 0);
    expect(Buffer.from(child(certId, 0).value as string, 'binary')).toEqual(
      createHash('sha256').update(certDer).digest(),
    );
    const tbs = child(forge.asn1.fromDer(certDer.toString('binary')), 0);
    const issuerSerial = child(certId, 1);
    // The issuer, byte for byte (the Vietnamese UTF8String name untouched), and the serial.
    const issuer = child(child(child(issuerSerial, 0), 0), 0);
    expect(forge.asn1.toDer(issuer).toHex()).toBe(forge.asn1.toDer(child(tbs, 3)).toHex());
    expect(child(issuerSerial, 1).value).toBe(child(tbs, 1).value);
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER'], { input: sig }).toString();
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
  });

  it('signs a PDF that pdfsig reads as a valid ETSI.CAdES.detached signature over the whole file', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const pdf = await signPdfDocument(doc, {
      ...signer,
      name: 'Lãnh đạo Thử',
      reason: 'Phê duyệt số 1/UBND-ĐG',
      location: 'UBND phường Đức Giang',
      signingTime: new Date('2021-08-15T03:00:00Z'),
    });
    const path = scratch.file(pdf);
    const r = spawnSync('pdfsig', [path], { encoding: 'utf8' });
    expect(r.stdout).toContain('Signature Type: ETSI.CAdES.detached');
    expect(r.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(r.stdout).toContain('Total document signed');
    expect(r.stdout).toContain('CN=UBND phường Đức Giang');
    // The time a reader shows comes from /M.
    expect(r.stdout).toMatch(/Signing Time: Aug 15 2021 \d\d:00:00/);
  });
});
