import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';

/** Who signs and why, as the signature dictionary records it (a PDF reader's signature panel). */
export interface PdfSignature {
  /** PEM of the signer's X.509 certificate. */
  certificatePem: string;
  /** PEM of its RSA private key. */
  privateKeyPem: string;
  /** The signer's name (/Name), e.g. the ward leader. */
  name: string;
  /** Why (/Reason), e.g. "Phê duyệt số 85/UBND-ĐG". */
  reason: string;
  /** Where (/Location), e.g. "UBND phường Đức Giang, Long Biên, Hà Nội". */
  location: string;
  contactInfo?: string;
  signingTime: Date;
}

/** Room for the CMS signature (hex-encoded in /Contents): an RSA-2048 signature and its certificate. */
const SIGNATURE_LENGTH = 8192;

/**
 * Signs a pdf-lib document: an invisible signature field with /SubFilter ETSI.CAdES.detached
 * (the PAdES form), then a detached CMS SignedData over the /ByteRange (SHA-256, RSA, signed
 * attributes content-type, message-digest, signing-time). What pdfsig and PDF readers check:
 * the signature is valid and the bytes it covers are the whole file. Saved without object
 * streams so the signature dictionary stays findable for signing.
 */
export async function signPdfDocument(doc: PDFDocument, sig: PdfSignature): Promise<Uint8Array> {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: sig.reason,
    contactInfo: sig.contactInfo ?? '',
    name: sig.name,
    location: sig.location,
    signingTime: sig.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Thong hanh',
  });
  const unsigned = await doc.save({ useObjectStreams: false });
  const signed = await new SignPdf().sign(Buffer.from(unsigned), new PemSigner(sig), sig.signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

/** @signpdf's signer from a PEM key and certificate (its P12Signer, without the PKCS#12 round trip). */
class PemSigner extends Signer {
  constructor(private readonly pem: Pick<PdfSignature, 'certificatePem' | 'privateKeyPem'>) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const certificate = forge.pki.certificateFromPem(this.pem.certificatePem);
    // forge parses UTF8String names as UTF-8 bytes but encodes them again when it writes the
    // signer's issuer: decode first, or the signer info names no certificate (Vietnamese names).
    for (const a of certificate.issuer.attributes) {
      if ((a.valueTagClass as unknown) === forge.asn1.Type.UTF8 && typeof a.value === 'string')
        a.value = forge.util.decodeUtf8(a.value);
    }
    const key = forge.pki.privateKeyFromPem(this.pem.privateKeyPem);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(certificate);
    p7.addSigner({
      key,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        { type: forge.pki.oids.signingTime as string, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
