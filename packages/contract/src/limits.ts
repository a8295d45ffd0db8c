/**
 * The numbers both sides of the API must agree on: a screen that lets a user pick a bigger
 * file, or a device that records a longer field, than the server accepts fails only at the
 * last step. Plain constants, no zod: importing them costs a screen nothing.
 */

/** One uploaded file (a plan, a staff list): 10 MB. The error message `file_too_large` says so. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Files per dossier, and versions of one file. */
export const MAX_ATTACHMENTS = 30;
export const MAX_ATTACHMENT_VERSIONS = 100;

/** Scans per sync batch: a device with more sends several batches (`too_many_scans`). */
export const MAX_SCANS_PER_BATCH = 1000;

/** Field limits of one scan record (the checkpoint app trims its records to them). */
export const SCAN_FIELD_LIMITS = { serial: 32, idNumber: 20, unitTaxCode: 14, warnings: 10 } as const;

/** Page sizes of the paged lists: the default and the most a client may ask for. */
export const PAGE_SIZES = {
  scans: { default: 100, max: 500 },
  audit: { default: 100, max: 500 },
} as const;

/** Lengths of free text fields (characters). */
export const TEXT_LIMITS = {
  username: { min: 3, max: 64 },
  password: { min: 8, max: 200 },
  fullName: 200,
  checkpointName: 200,
  checkpointPlace: 500,
  id: 64,
} as const;
