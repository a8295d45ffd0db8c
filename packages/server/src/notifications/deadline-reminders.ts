import { audit, SYSTEM_ACTOR } from '../audit/append-audit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/schema.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { STATE_LABELS } from '../workflow/transitions.js';
import { deskReminderEmail } from './dossier-emails.js';
import { uniqueAddresses, wardStaffEmails } from './recipients.js';
import { afterUbnd } from './vn-time.js';

/** A reminder goes out when the deadline is this close (or already past). */
export const REMIND_BEFORE_MS = 24 * 3_600_000;
/** How often `serve` looks for dossiers to remind of. */
export const REMINDER_INTERVAL_MS = 5 * 60_000;

export interface ReminderRun {
  /** Dossiers reminded of in this run. */
  dossiers: number;
  /** E-mails sent (one per ward with a desk mailbox or a desk officer with an e-mail). */
  emails: number;
  /** Wards with no address to write to: reminded nonetheless (on screen). */
  wardsWithoutEmail: string[];
}

/**
 * The ward desk's deadline reminder: finds dossiers waiting for the ward
 * (submitted / health_confirmed) whose deadline is within 24 hours, or past, and that were
 * not reminded of since their (re)submission; marks them `reminded_at` (audited as
 * `dossier.reminder_sent`) and commits; then sends one e-mail per ward to its
 * `ward_settings.desk_email` and its active desk officers' account e-mails. A failed e-mail clears the marks so the next run tries again.
 * Safe to run concurrently: a dossier is claimed by the run that updates it first.
 */
export async function runDeadlineReminders(
  db: Db,
  deps: { mailer: Mailer; publicUrl: string; now: Date },
): Promise<ReminderRun> {
  const { now } = deps;
  const limit = new Date(now.getTime() + REMIND_BEFORE_MS).toISOString();
  const claimed = await db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('dossiers as d')
      .innerJoin('businesses as b', 'b.id', 'd.business_id')
      .innerJoin('admin_units as w', 'w.code', 'd.ward_code')
      .leftJoin('ward_settings as s', 's.ward_code', 'd.ward_code')
      .select([
        'd.id',
        'd.ward_code',
        'd.state',
        'd.due_at',
        'b.name as business_name',
        'w.name as ward_name',
        's.desk_email',
      ])
      .where('d.state', 'in', ['submitted', 'health_confirmed', 'awaiting_leader'])
      .where('d.reminded_at', 'is', null)
      .where('d.due_at', '<=', limit)
      .orderBy('d.ward_code')
      .orderBy('d.due_at')
      .execute();
    const mine = [];
    for (const d of due) {
      const r = await tx
        .updateTable('dossiers')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', d.id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) continue;
      await audit(
        tx,
        SYSTEM_ACTOR,
        'dossier.reminder_sent',
        { type: 'dossier', id: d.id, wardCode: d.ward_code },
        { dueAt: d.due_at, to: d.desk_email },
        now,
      );
      mine.push(d);
    }
    return mine;
  });

  const byWard = new Map<string, typeof claimed>();
  for (const d of claimed) byWard.set(d.ward_code, [...(byWard.get(d.ward_code) ?? []), d]);
  const run: ReminderRun = { dossiers: claimed.length, emails: 0, wardsWithoutEmail: [] };
  for (const [ward, list] of byWard) {
    const to = uniqueAddresses(list[0]?.desk_email, await wardStaffEmails(db, ward, ['ward_officer']));
    if (!to.length) {
      run.wardsWithoutEmail.push(ward);
      continue;
    }
    const message: MailMessage = deskReminderEmail(
      to,
      `UBND ${afterUbnd(list[0]?.ward_name ?? ward)}`,
      list.map((d) => ({
        id: d.id,
        businessName: d.business_name,
        stateLabel: STATE_LABELS[d.state],
        dueAt: d.due_at as string,
      })),
      deps.publicUrl,
      now,
    );
    try {
      await deps.mailer.send(message);
      run.emails++;
    } catch (e) {
      await db
        .updateTable('dossiers')
        .set({ reminded_at: null })
        .where(
          'id',
          'in',
          list.map((d) => d.id),
        )
        .execute();
      throw e;
    }
  }
  return run;
}

/**
 * Runs the reminders every `intervalMs` (and once at start) until stopped; errors are
 * logged, never thrown. What `thonghanh serve` starts.
 */
export function scheduleDeadlineReminders(
  db: Db,
  deps: { mailer: Mailer; publicUrl: string; clock: Clock; log: (err: unknown) => void },
  intervalMs = REMINDER_INTERVAL_MS,
): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDeadlineReminders(db, { mailer: deps.mailer, publicUrl: deps.publicUrl, now: deps.clock.now() })
      .catch(deps.log)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const first = setTimeout(tick, 1000);
  first.unref();
  return {
    stop: () => {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
