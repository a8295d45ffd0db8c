/**
 * The API contract of Thông hành: what the server accepts and answers, what the back office and
 * the checkpoint app send and read. One file per resource (request schemas for params, query
 * and body; response schemas), the error table, the limits and the scan verdict labels. Pure
 * TypeScript and zod: no I/O, no server code. The OpenAPI document is generated from it.
 */
export * from './admin-units.js';
export * from './anomaly-kinds.js';
export * from './attachments.js';
export * from './audit.js';
export * from './auth.js';
export * from './business-changes.js';
export * from './businesses.js';
export * from './checkpoints.js';
export * from './common.js';
export * from './dossier-states.js';
export * from './dossiers.js';
export * from './errors.js';
export * from './inspection.js';
export * from './keys.js';
export * from './limits.js';
export * from './period.js';
export * from './permit-settings.js';
export * from './permits.js';
export * from './print.js';
export * from './roles.js';
export * from './scans.js';
export * from './staff.js';
export * from './stats.js';
export * from './system.js';
export * from './unit-credentials.js';
export * from './users.js';
export * from './verdicts.js';
export * from './ward-settings.js';
