import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';
import { cadesDetachedSignedData } from './cades-signed-data.js';

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
 * (the PAdES form) and /M the signing time, then a detached CMS SignedData over the /ByteRange
 * (SHA-256, RSA; signed attributes content-type, message-digest, ESS signing-certificate-v2:
 * the PAdES baseline B-B set, cades-signed-data.ts). What pdfsig and PDF readers check:
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

/** @signpdf's signer from a PEM key and certificate: a CAdES detached SignedData (cades-signed-data.ts). */
class PemSigner extends Signer {
  constructor(private readonly pem: Pick<PdfSignature, 'certificatePem' | 'privateKeyPem'>) {
    super();
  }

  // The time is the signature dictionary's /M (set with the placeholder), not a CMS attribute.
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetachedSignedData(pdfBuffer, this.pem);
  }
}
