import { z } from 'zod';
import { timestamp } from './common.js';
import { credentialStatusFields } from './permits.js';

/** A unit's QR (the business's credential, issued when its dossier is approved). */
export const unitCredentialSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  dossierId: z.string(),
  approvalRef: z.string(),
  staffCount: z.number().int(),
  validFrom: timestamp,
  validTo: timestamp,
  validFromDate: z.string(),
  validToDate: z.string(),
  ...credentialStatusFields,
  issuedAt: timestamp,
  kid: z.string(),
  cti: z.string(),
  qrText: z.string(),
});
export type UnitCredentialView = z.infer<typeof unitCredentialSchema>;

/** GET /businesses/:id/unit-credential.png: pixels per module of the QR. */
export const unitQrPngQuery = z.object({ scale: z.coerce.number().int().min(2).max(32).default(10) });
