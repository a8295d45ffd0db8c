import { createHash, createSign } from 'node:crypto';
import type Forge from 'node-forge';
import { lazyRequire } from '../lazy-require.js';

// Loaded on the first signed document, not at start-up (docs/runtime.md).
const forge = lazyRequire<typeof Forge>('node-forge');
type Asn1 = Forge.asn1.Asn1;

/** The object identifiers a PAdES (ETSI.CAdES.detached) signature names. */
const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** id-aa-signingCertificateV2 (RFC 5035): binds the signature to one certificate. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** ASN.1 classes and tags (X.690), as numbers: forge's constants would load it at import. */
const U = 0x00;
const CONTEXT = 0x80;
const T = { INTEGER: 2, OCTETSTRING: 4, NULL: 5, OID: 6, SEQUENCE: 16, SET: 17 };
const seq = (items: Asn1[]) => forge.asn1.create(U, T.SEQUENCE, true, items);
const set = (items: Asn1[]) => forge.asn1.create(U, T.SET, true, items);
const oid = (o: string) => forge.asn1.create(U, T.OID, false, forge.asn1.oidToDer(o).getBytes());
const octets = (bytes: Buffer) => forge.asn1.create(U, T.OCTETSTRING, false, bytes.toString('binary'));
const integer = (n: number) => forge.asn1.create(U, T.INTEGER, false, String.fromCharCode(n));
const nul = () => forge.asn1.create(U, T.NULL, false, '');
const der = (node: Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

/**
 * The issuer Name and serial number of a certificate, as the nodes its own DER holds: copied,
 * never rebuilt from parsed fields, so Vietnamese UTF8String names stay byte-identical (the
 * signer identifier must match the certificate exactly).
 */
function issuerAndSerial(certificate: Asn1): { issuer: Asn1; serial: Asn1 } {
  const tbs = (certificate.value as Asn1[])[0] as Asn1;
  const fields = tbs.value as Asn1[];
  // TBSCertificate: [0] version (present in v3), serialNumber, signature, issuer, …
  const at = (fields[0] as Asn1).tagClass === CONTEXT ? 1 : 0;
  return { serial: fields[at] as Asn1, issuer: fields[at + 2] as Asn1 };
}

/**
 * A detached CMS SignedData (RFC 5652) for a PAdES baseline signature over `content` (the
 * PDF's /ByteRange): SHA-256 with RSA (PKCS #1 v1.5), the certificate embedded, and the signed
 * attributes PAdES baseline (ETSI EN 319 142-1, B-B) asks for: content-type, message-digest
 * and ESS signing-certificate-v2 (RFC 5035: the SHA-256 of the signer's certificate, its
 * issuer and serial). No signing-time attribute: PAdES takes the claimed time from the
 * signature dictionary's /M (`signingTime` is written there by the caller). Built with
 * forge's ASN.1 because forge's PKCS #7 signer writes only content-type, message-digest and
 * signing-time. Signed attributes are sorted by their encoding, as DER's SET OF requires.
 */
export function cadesDetachedSignedData(
  content: Buffer,
  signer: { certificatePem: string; privateKeyPem: string },
): Buffer {
  const certDer = Buffer.from(forge.pem.decode(signer.certificatePem)[0]?.body ?? '', 'binary');
  // Bit strings kept as bytes, so the certificate re-encodes to exactly its own DER.
  // (@types/node-forge types only the older `strict` flag; forge also takes an options object.)
  const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { decodeBitStrings: boolean }) => Asn1;
  const certificate = fromDer(certDer.toString('binary'), { decodeBitStrings: false });
  if (!der(certificate).equals(certDer)) throw new Error('certificate does not re-encode to its own DER');
  const { issuer, serial } = issuerAndSerial(certificate);
  const sha256 = () => seq([oid(OID.sha256), nul()]);

  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires;
  // issuerSerial = (GeneralNames [directoryName [4] issuer], serialNumber).
  const essCertId = seq([
    octets(createHash('sha256').update(certDer).digest()),
    seq([seq([forge.asn1.create(CONTEXT, 4, true, [issuer])]), serial]),
  ]);
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq([seq([essCertId])])),
  ]
    .map((a) => ({ a, bytes: der(a) }))
    .sort((x, y) => Buffer.compare(x.bytes, y.bytes))
    .map((x) => x.a);

  // What is signed is the attributes' DER with the SET tag; the SignerInfo holds them as [0].
  const signature = createSign('sha256')
    .update(der(set(attributes)))
    .sign(signer.privateKeyPem);
  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    sha256(),
    forge.asn1.create(CONTEXT, 0, true, attributes),
    seq([oid(OID.rsaEncryption), nul()]),
    octets(signature),
  ]);
  const signedData = seq([
    integer(1),
    set([sha256()]),
    seq([oid(OID.data)]),
    forge.asn1.create(CONTEXT, 0, true, [certificate]),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), forge.asn1.create(CONTEXT, 0, true, [signedData])]));
}
