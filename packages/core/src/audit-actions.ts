/**
 * The audit log's vocabulary, shared by the server (which writes it) and the back office
 * (which shows it in Vietnamese). `audit()` accepts only `AUDIT_ACTIONS`: a new action is
 * added here first, and the back office's label test (packages/web/src/i18n/audit-labels.test.ts)
 * then fails until it has a Vietnamese name. The same goes for entity types and detail fields.
 */

/** Every action the server writes: `<entity>.<past tense>`. */
export const AUDIT_ACTIONS = [
  'admin_units.seeded',
  'auth.logged_in',
  'auth.logged_out',
  'user.created',
  'user.deactivated',
  'user.reactivated',
  'user.password_reset',
  'user.password_changed',
  'checkpoint.created',
  'checkpoint.updated',
  'checkpoint.deactivated',
  'ward_settings.updated',
  'business.registered',
  'business.created',
  'business.accepted',
  'business.refused',
  'business.suspended',
  'business.reinstated',
  'dossier.created',
  'dossier.updated',
  'dossier.submitted',
  'dossier.health_confirmed',
  'dossier.returned',
  'dossier.approved',
  'dossier.rejected',
  'dossier.suspended',
  'dossier.reinstated',
  'dossier.reminder_sent',
  'dossier.attachment_added',
  'dossier.attachment_superseded',
  'dossier.attachment_removed',
  'staff_list.imported',
  'staff_list.viewed',
  'staff.added',
  'staff.updated',
  'staff.deleted',
  'staff.removed',
  'ward_key.created',
  'ward_key.rotated',
  'permit.issued',
  'permit.revoked',
  'permit_settings.updated',
  'unit_credential.issued',
  'unit_credential.revoked',
  'scan.synced',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a row is about (`entity_type`). */
export const AUDIT_ENTITY_TYPES = [
  'admin_units',
  'user',
  'checkpoint',
  'ward_settings',
  'business',
  'dossier',
  'ward_key',
  'permit',
  'ward',
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/**
 * Every key a row's detail may hold, nested ones included (a dossier inside a demo business,
 * a person inside a removal). Some are column names, written as the changed columns.
 */
export const AUDIT_DETAIL_FIELDS = [
  // people and accounts
  'username',
  'fullName',
  'role',
  'ip',
  'active',
  'businessId',
  'wardCode',
  'districtCode',
  'provinceCode',
  'ward_code',
  // businesses
  'taxCode',
  'name',
  'status',
  'reason',
  'representative',
  'demo',
  'dossiers',
  'staff',
  // dossiers
  'dossierId',
  'kind',
  'channel',
  'state',
  'planFrom',
  'planTo',
  'plan_from',
  'plan_to',
  'from',
  'to',
  'note',
  'referenceNumber',
  'dueAt',
  // attachments
  'attachmentId',
  'fileName',
  'version',
  'sha256',
  'contentType',
  'size',
  'replacesId',
  'replacedFileName',
  'replacedSha256',
  // staff lists
  'rows',
  'errors',
  'keepValidOnly',
  'saved',
  'replaced',
  'q',
  'page',
  'shown',
  'staffId',
  'idNumber',
  'count',
  'people',
  'id',
  'staffIds',
  // checkpoints, ward settings, jurisdictions
  'place',
  'dueDays',
  'legalBasis',
  'deskEmail',
  'inserted',
  'source',
  // keys, permits, scans
  'kid',
  'alg',
  'serial',
  'serials',
  'firstSerial',
  'lastSerial',
  'validFrom',
  'validTo',
  'serialSuffix',
  'credentialId',
  'ids',
  'approvalRef',
  'staffCount',
  'stored',
  'duplicates',
] as const;

export type AuditDetailField = (typeof AUDIT_DETAIL_FIELDS)[number];
