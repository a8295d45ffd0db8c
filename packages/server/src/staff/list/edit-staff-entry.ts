import { type AuditActor, audit } from '../../audit/append-audit.js';
import type { Executor, StaffMemberRow } from '../../db/schema.js';
import type { DossierRecord } from '../../dossiers/dossier-query.js';
import { AppError } from '../../errors.js';
import type { StaffEntry } from '../import/index.js';
import { staffRowOf } from './save-staff-list.js';
import { findStaffMember } from './staff-query.js';

async function assertNotListed(db: Executor, dossier: DossierRecord, entry: StaffEntry, exceptId?: string) {
  const rows = await db
    .selectFrom('staff_members')
    .select(['id', 'status', 'dossier_id'])
    .where('business_id', '=', dossier.business_id)
    // The list of the dossier's ward: a business that moved lists its people again for the new ward.
    .where('ward_code', '=', dossier.ward_code)
    .where('id_number', '=', entry.idNumber)
    .where('status', 'in', ['pending', 'approved'])
    .execute();
  const clash = rows.find((r) => r.id !== exceptId);
  if (clash) {
    throw new AppError(
      'staff_duplicate',
      clash.status === 'approved'
        ? `Người có số giấy tờ ${entry.idNumber} đã có trong danh sách đã phê duyệt của doanh nghiệp.`
        : `Người có số giấy tờ ${entry.idNumber} đã có trong danh sách chờ phê duyệt.`,
    );
  }
}

/** Adds one person (pending) to a draft or returned dossier; audited as `staff.added`. */
export async function addStaffEntry(
  db: Executor,
  input: { dossier: DossierRecord; entry: StaffEntry },
  actor: AuditActor,
  now: Date,
): Promise<StaffMemberRow> {
  await assertNotListed(db, input.dossier, input.entry);
  const row = staffRowOf(input.entry, input.dossier, now.toISOString(), null);
  await db.insertInto('staff_members').values(row).execute();
  await audit(
    db,
    actor,
    'staff.added',
    { type: 'dossier', id: input.dossier.id, wardCode: input.dossier.ward_code },
    { staffId: row.id, fullName: row.full_name, idNumber: row.id_number },
    now,
  );
  return row;
}

/** Replaces a pending person's details; audited as `staff.updated`. */
export async function updateStaffEntry(
  db: Executor,
  input: { dossier: DossierRecord; member: StaffMemberRow; entry: StaffEntry },
  actor: AuditActor,
  now: Date,
): Promise<StaffMemberRow> {
  await assertNotListed(db, input.dossier, input.entry, input.member.id);
  const next = staffRowOf(input.entry, input.dossier, now.toISOString(), input.member.source_row);
  const { id: _id, created_at: _c, ...fields } = next;
  await db.updateTable('staff_members').set(fields).where('id', '=', input.member.id).execute();
  await audit(
    db,
    actor,
    'staff.updated',
    { type: 'dossier', id: input.dossier.id, wardCode: input.dossier.ward_code },
    { staffId: input.member.id, fullName: next.full_name, idNumber: next.id_number },
    now,
  );
  return (await findStaffMember(db, input.member.id)) as StaffMemberRow;
}

/** Deletes a pending person (never approved, so no trace is needed but the audit row). */
export async function deleteStaffEntry(
  db: Executor,
  input: { dossier: DossierRecord; member: StaffMemberRow },
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await db.deleteFrom('staff_members').where('id', '=', input.member.id).execute();
  await audit(
    db,
    actor,
    'staff.deleted',
    { type: 'dossier', id: input.dossier.id, wardCode: input.dossier.ward_code },
    { staffId: input.member.id, fullName: input.member.full_name, idNumber: input.member.id_number },
    now,
  );
}
