import { createHash } from 'node:crypto';
import { nameSearchKey } from '@thonghanh/core';
import type { Insertable } from 'kysely';
import { type AuditActor, audit } from '../audit/append-audit.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { newId } from '../db/ids.js';
import type {
  BusinessRow,
  Database,
  DossierAttachmentRow,
  DossierChannel,
  DossierEventRow,
  DossierKind,
  DossierRow,
  DossierState,
  Executor,
  StaffMemberRow,
} from '../db/schema.js';
import { attachmentEventDetail } from '../dossiers/attachments/add-attachment.js';
import { COMMITMENT_TEXT } from '../dossiers/commitment.js';
import { referenceSuffix } from '../dossiers/next-reference-number.js';
import { vnToday } from '../notifications/vn-time.js';
import { INSERT_BATCH, staffRowOf } from '../staff/list/save-staff-list.js';
import { createUser } from '../users/create-user.js';
import { updateWardSettings } from '../ward-settings/ward-settings.js';
import type { TransitionAction } from '../workflow/transitions.js';
import { TRANSITIONS } from '../workflow/transitions.js';
import { DEMO, type DemoContext, type DemoStep } from './demo-context.js';
import { DUC_GIANG_STREETS, demoCompany, demoContactName, demoMobile, demoPerson } from './demo-people.js';
import { type Rng, seededRng } from './demo-random.js';

/** The spec's reference unit, represented by `doanhnghiep.demo`. */
export const DEMO_REFERENCE_UNIT = {
  name: 'Công ty TNHH Thực phẩm Đức Giang',
  taxCode: '0100233488',
  lineOfBusiness: 'Sản xuất, chế biến thực phẩm',
  staff: 37,
} as const;
/** The ward desk's mailbox in the demo (a reserved domain: nothing is delivered). */
export const DEMO_DESK_EMAIL = 'motcua.ducgiang@thonghanh.example';
/** A self-registered business waiting for the desk, with its own login. */
export const DEMO_PENDING_REP = 'doanhnghiep.cho';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Plan {
  state: DossierState | 'registration';
  channel: DossierChannel;
  /** Hours from now to the deadline (open dossiers), to pick overdue / due soon. */
  dueInHours?: number;
  note?: string;
  amendment?: 'approved' | 'submitted';
  removeStaff?: number;
}

const RETURN_REASONS = [
  'Kế hoạch chưa có chữ ký của thủ trưởng đơn vị và dấu của công ty; đề nghị bổ sung bản scan có chữ ký, đóng dấu.',
  'Danh sách người lao động thiếu mã phường/xã trên lộ trình của 6 người; đề nghị bổ sung để chốt kiểm soát kiểm tra.',
];
const REJECT_REASON = 'Ngành nghề kinh doanh không thuộc danh mục được phép hoạt động trong thời gian giãn cách.';
const SUSPEND_REASONS = [
  'Phát hiện 01 ca F0 tại đơn vị ngày hôm qua; tạm dừng để khoanh vùng, xét nghiệm và khử khuẩn.',
  'Đoàn kiểm tra phát hiện người lao động đi ngoài lộ trình đã đăng ký nhiều lần.',
];

/** The 85 units of the article, in every state a dossier can be in. */
function plans(): Plan[] {
  const out: Plan[] = [];
  for (let i = 0; i < 70; i++) {
    const channel: DossierChannel =
      i % 9 === 4 ? 'email' : i % 13 === 6 ? 'in_person' : i % 17 === 8 ? 'post' : 'online';
    // The last two wait for the ward leader's signature (the desk sent them up).
    if (i >= 68) {
      out.push({ state: 'awaiting_leader', channel, dueInHours: i === 68 ? 16 : 40 });
      continue;
    }
    out.push({
      state: 'approved',
      channel,
      ...(i === 5 ? { amendment: 'approved' as const } : {}),
      ...(i === 6 ? { amendment: 'submitted' as const } : {}),
      ...(i === 7 ? { removeStaff: 2 } : {}),
    });
  }
  out.push({ state: 'suspended', channel: 'online', note: SUSPEND_REASONS[0] as string });
  out.push({ state: 'suspended', channel: 'email', note: SUSPEND_REASONS[1] as string });
  for (const h of [-10, 8, 30, 60])
    out.push({ state: 'submitted', channel: h === 30 ? 'email' : 'online', dueInHours: h });
  for (const h of [-30, 20, 50]) out.push({ state: 'health_confirmed', channel: 'online', dueInHours: h });
  out.push({ state: 'returned', channel: 'online', note: RETURN_REASONS[0] as string });
  out.push({ state: 'returned', channel: 'post', note: RETURN_REASONS[1] as string });
  out.push({ state: 'rejected', channel: 'online', note: REJECT_REASON });
  out.push({ state: 'draft', channel: 'online' });
  out.push({ state: 'draft', channel: 'in_person' });
  out.push({ state: 'registration', channel: 'online' });
  return out;
}

const PATH: Record<DossierState, TransitionAction[]> = {
  draft: [],
  submitted: ['submit'],
  health_confirmed: ['submit', 'confirm_health'],
  awaiting_leader: ['submit', 'confirm_health', 'send_for_signature'],
  approved: ['submit', 'confirm_health', 'send_for_signature', 'approve'],
  returned: ['submit', 'return'],
  rejected: ['submit', 'confirm_health', 'reject'],
  suspended: ['submit', 'confirm_health', 'send_for_signature', 'approve', 'suspend'],
};

/** Everything the step makes, built in memory and inserted in batches. */
interface World {
  businesses: BusinessRow[];
  dossiers: DossierRow[];
  events: DossierEventRow[];
  attachments: DossierAttachmentRow[];
  staff: StaffMemberRow[];
  /** Approvals in time order, numbered at the end. */
  approvals: DossierRow[];
}

/**
 * Đức Giang's 85 businesses (generated names, valid tax codes), each with a dossier: most
 * approved, the rest submitted / health-confirmed (due soon, later, and overdue), returned
 * with a reason, rejected, suspended, drafts, and one self-registration awaiting the desk
 * (`doanhnghiep.cho`); amendments (one approved, one waiting) and removed people; staff
 * lists of 5–60 generated workers; `doanhnghiep.demo` acts for the reference unit (37).
 * Deterministic (seeded). The rows follow the state machine's table (each step is checked
 * against TRANSITIONS) and go in with batched inserts; the audit log gets one row per
 * business (`business.created`, detail `demo: true` and what was seeded).
 */
export const demoBusinessesStep: DemoStep = {
  name: 'businesses',
  async run(ctx) {
    const rng = seededRng(20210815);
    const desk = actorOf(ctx, 'motcua.ducgiang', 'ward_officer');
    const health = actorOf(ctx, 'tramyte.ducgiang', 'health_officer');
    const leader = actorOf(ctx, 'lanhdao.ducgiang', 'ward_leader');
    const leaderUser = ctx.users.get('lanhdao.ducgiang');
    const signer = { name: leaderUser?.full_name ?? '', title: leaderUser?.title ?? null };
    await updateWardSettings(
      ctx.db,
      DEMO.ward,
      {
        deskEmail: DEMO_DESK_EMAIL,
        legalBasis:
          'Thông báo số 577/TB-UBND; Công văn số 2562/UBND-KT ngày 07/8/2021 của UBND Thành phố; Công văn số 1498/UBND-VP ngày 11/8/2021 của UBND quận Long Biên.',
      },
      desk,
      new Date(ctx.now.getTime() - 30 * DAY),
    );
    const ward = await ctx.db
      .selectFrom('admin_units')
      .selectAll()
      .where('code', '=', DEMO.ward)
      .executeTakeFirstOrThrow();
    // pdf-lib loads only when the demo is seeded, not on every start.
    const { demoPlanPdf } = await import('./demo-plan-pdf.js');
    const pdf = await demoPlanPdf();
    const pdfSha = createHash('sha256').update(pdf).digest('hex');
    const world: World = { businesses: [], dossiers: [], events: [], attachments: [], staff: [], approvals: [] };
    const names = new Set<string>([DEMO_REFERENCE_UNIT.name]);
    const codes = new Set<string>([DEMO_REFERENCE_UNIT.taxCode]);
    const people = new Set<string>();
    const all = plans();
    const approvedCount = all.filter((p) => p.state === 'approved').length;
    let approvedIndex = 0;
    const rep = ctx.users.get('doanhnghiep.demo');

    for (let i = 0; i < all.length; i++) {
      const plan = all[i] as Plan;
      const reference = i === 0;
      const company = reference ? { ...DEMO_REFERENCE_UNIT } : demoCompany(rng, names, codes);
      const street = `Số ${rng.int(1, 300)} ${rng.pick(DUC_GIANG_STREETS)}`;
      const self = plan.state === 'registration' || rng.chance(0.3);
      const created = ctx.now.getTime() - 20 * DAY + i * HOUR;
      const business: BusinessRow = {
        id: newId(),
        tax_code: company.taxCode,
        name: company.name,
        name_key: nameSearchKey(company.name),
        address: `${street}, phường Đức Giang, quận Long Biên, Hà Nội`,
        ward_code: DEMO.ward,
        district_code: ward.district_code as string,
        province_code: ward.province_code,
        line_of_business: company.lineOfBusiness,
        contact_name: demoContactName(rng),
        contact_phone: demoMobile(rng),
        contact_email: `lienhe${i + 1}@doanhnghiep.example`,
        status: plan.state === 'registration' ? 'pending' : plan.state === 'suspended' ? 'suspended' : 'active',
        status_reason: plan.state === 'suspended' ? (plan.note ?? null) : null,
        registered_via: self ? 'self' : 'ward',
        created_by: self ? null : desk.id,
        created_at: iso(created),
        updated_at: iso(created + HOUR),
      };
      world.businesses.push(business);
      if (plan.state === 'registration') continue;

      // Approved ones spread over the last two weeks, in order (so the reference numbers
      // follow the dates); open ones so that their deadline falls where the plan says.
      const submitAt =
        plan.dueInHours !== undefined
          ? ctx.now.getTime() + plan.dueInHours * HOUR - 3 * DAY
          : plan.state === 'approved'
            ? ctx.now.getTime() - 16 * DAY + Math.floor((approvedIndex++ * 12 * DAY) / approvedCount)
            : ctx.now.getTime() - rng.int(4, 9) * DAY;
      const work = { name: company.name, street, wardCode: DEMO.ward };
      const keeper: AuditActor =
        plan.channel === 'online' ? { id: reference ? (rep?.id ?? null) : null, role: 'business_rep' } : desk;
      const who = { keeper, desk, health, leader, signer, representative: business.contact_name, rng };
      const staffCount = reference ? DEMO_REFERENCE_UNIT.staff : rng.int(5, 60);
      const dossier = addDossier(world, ctx, business, {
        kind: 'initial',
        channel: plan.channel,
        createdAt: submitAt - 2 * HOUR,
        people: Array.from({ length: staffCount }, (_, k) => demoPerson(rng, people, work, k + 2)),
        pdf: { bytes: pdf, sha256: pdfSha },
        keeper,
      });
      const path = PATH[plan.state];
      drive(world, ctx, dossier, path, submitAt, who, plan.note ?? null);

      if (plan.amendment) {
        const at = plan.amendment === 'approved' ? submitAt + 4 * DAY : ctx.now.getTime() - 20 * HOUR;
        const amendment = addDossier(world, ctx, business, {
          kind: 'amendment',
          channel: 'online',
          createdAt: at - HOUR,
          people: Array.from({ length: plan.amendment === 'approved' ? 4 : 3 }, (_, k) =>
            demoPerson(rng, people, work, k + 2),
          ),
          pdf: null,
          keeper,
          planFrom: dossier.plan_from,
          planTo: dossier.plan_to,
        });
        const steps: TransitionAction[] =
          plan.amendment === 'approved' ? ['submit', 'confirm_health', 'send_for_signature', 'approve'] : ['submit'];
        drive(world, ctx, amendment, steps, at, who, null);
      }
      if (plan.removeStaff) {
        const at = iso(submitAt + 6 * DAY);
        world.staff
          .filter((s) => s.dossier_id === dossier.id && s.status === 'approved')
          .slice(0, plan.removeStaff)
          .forEach((s) => {
            Object.assign(s, {
              status: 'removed',
              removed_at: at,
              removed_reason: 'Nghỉ việc, không còn đi lại',
              removed_by: desk.id,
              updated_at: at,
            });
          });
      }
    }

    // Reference numbers: the ward's counter, in order of approval.
    const suffix = await referenceSuffix(ctx.db, DEMO.ward);
    const counters = new Map<number, number>();
    world.approvals.sort((a, b) => (a.decided_at as string).localeCompare(b.decided_at as string));
    for (const d of world.approvals) {
      const year = Number(vnToday(new Date(d.decided_at as string)).slice(0, 4));
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      d.reference_number = `${n}/${suffix}`;
    }

    const db = ctx.db;
    await insertBatches(db, 'businesses', world.businesses);
    await insertBatches(db, 'dossiers', world.dossiers);
    await insertBatches(db, 'dossier_events', world.events);
    if (ctx.storage) {
      for (const a of world.attachments) a.storage_key = await ctx.storage.put(pdf);
    }
    await insertBatches(db, 'dossier_attachments', world.attachments);
    await insertBatches(db, 'staff_members', world.staff);
    for (const [year, seq] of counters) {
      await db.insertInto('reference_counters').values({ ward_code: DEMO.ward, year, seq }).execute();
    }

    const reference = world.businesses[0] as BusinessRow;
    if (rep) {
      await db.updateTable('users').set({ business_id: reference.id }).where('id', '=', rep.id).execute();
      ctx.users.set(rep.username, { ...rep, business_id: reference.id });
    }
    const pending = world.businesses.find((b) => b.status === 'pending') as BusinessRow;
    const { user } = await createUser(
      db,
      {
        username: DEMO_PENDING_REP,
        fullName: pending.contact_name,
        role: 'business_rep',
        scope: { wardCode: DEMO.ward },
        businessId: pending.id,
        passwordHash: ctx.passwordHash,
        mustChangePassword: false,
      },
      { id: null, role: 'anonymous' },
      new Date(pending.created_at),
    );
    ctx.users.set(user.username, user);
    ctx.logins.push({
      username: DEMO_PENDING_REP,
      role: 'Đại diện doanh nghiệp',
      note: 'doanh nghiệp tự đăng ký, chờ Một cửa tiếp nhận',
    });

    for (const b of world.businesses) {
      const ds = world.dossiers.filter((d) => d.business_id === b.id);
      await audit(
        db,
        b.registered_via === 'self' ? { id: null, role: 'anonymous' } : desk,
        'business.created',
        { type: 'business', id: b.id, wardCode: b.ward_code },
        {
          demo: true,
          taxCode: b.tax_code,
          name: b.name,
          status: b.status,
          dossiers: ds.map((d) => ({ id: d.id, kind: d.kind, state: d.state, referenceNumber: d.reference_number })),
          staff: world.staff.filter((s) => s.business_id === b.id).length,
          ...(b.id === reference.id && rep ? { representative: rep.username } : {}),
        },
        new Date(b.created_at),
      );
    }
  },
};

const iso = (ms: number) => new Date(ms).toISOString();

function actorOf(ctx: DemoContext, username: string, role: string): AuditActor {
  return { id: ctx.users.get(username)?.id ?? null, role };
}

function addDossier(
  world: World,
  ctx: DemoContext,
  business: BusinessRow,
  o: {
    kind: DossierKind;
    channel: DossierChannel;
    createdAt: number;
    people: ReturnType<typeof demoPerson>[];
    pdf: { bytes: Uint8Array; sha256: string } | null;
    keeper: AuditActor;
    planFrom?: string;
    planTo?: string;
  },
): DossierRow {
  const at = iso(o.createdAt);
  const d: DossierRow = {
    id: newId(),
    business_id: business.id,
    ward_code: business.ward_code,
    district_code: business.district_code,
    province_code: business.province_code,
    kind: o.kind,
    channel: o.channel,
    state: 'draft',
    plan_from: o.planFrom ?? vnToday(new Date(o.createdAt)),
    plan_to: o.planTo ?? vnToday(new Date(o.createdAt + 45 * DAY)),
    note: '',
    reference_number: null,
    submitted_at: null,
    due_at: null,
    reminded_at: null,
    health_confirmed_at: null,
    decided_at: null,
    state_note: null,
    approved_by: null,
    approved_by_name: null,
    approved_by_title: null,
    commitment_name: null,
    commitment_text: null,
    committed_at: null,
    committed_by: null,
    created_by: o.keeper.id,
    created_at: at,
    updated_at: at,
  };
  world.dossiers.push(d);
  world.events.push(eventRow(d.id, 'create', null, 'draft', null, o.keeper, at));
  if (o.pdf) {
    const file: DossierAttachmentRow = {
      id: newId(),
      dossier_id: d.id,
      storage_key: newId(),
      file_name: 'ke-hoach-phong-chong-dich.pdf',
      content_type: 'application/pdf',
      size: o.pdf.bytes.length,
      sha256: o.pdf.sha256,
      uploaded_by: o.keeper.id,
      uploaded_at: at,
      version: 1,
      replaces_id: null,
      superseded_by: null,
      superseded_at: null,
      note: null,
    };
    world.attachments.push(file);
    world.events.push(
      eventRow(
        d.id,
        'attachment_added',
        'draft',
        'draft',
        null,
        o.keeper,
        at,
        canonicalJson(attachmentEventDetail(file)),
      ),
    );
  }
  for (const p of o.people) world.staff.push(staffRowOf(p, d, at, p.row));
  void ctx;
  return d;
}

/** The last timeline number of each demo dossier. */
const eventSeq = new Map<string, number>();

function eventRow(
  dossierId: string,
  action: string,
  from: DossierState | null,
  to: DossierState,
  note: string | null,
  actor: AuditActor,
  at: string,
  detail: string | null = null,
): DossierEventRow {
  const seq = (eventSeq.get(dossierId) ?? 0) + 1;
  eventSeq.set(dossierId, seq);
  return {
    id: newId(),
    dossier_id: dossierId,
    seq,
    actor_id: actor.id,
    actor_role: actor.role,
    action,
    from_state: from,
    to_state: to,
    note,
    at,
    detail,
  };
}

/** Moves a demo dossier along `path` (each step checked against TRANSITIONS), as a real ward would space them. */
function drive(
  world: World,
  ctx: DemoContext,
  d: DossierRow,
  path: TransitionAction[],
  submitAt: number,
  who: {
    keeper: AuditActor;
    desk: AuditActor;
    health: AuditActor;
    leader: AuditActor;
    signer: { name: string; title: string | null };
    representative: string;
    rng: Rng;
  },
  reason: string | null,
): void {
  let t = submitAt;
  for (const action of path) {
    // Đức Giang keeps the default: the leader signs.
    const step = TRANSITIONS.find((x) => x.action === action && x.from === d.state && x.approval !== 'desk');
    if (!step) throw new Error(`demo: ${action} from ${d.state} is not in the state machine`);
    if (action !== 'submit') t += who.rng.int(3, 26) * HOUR;
    if (action === 'suspend') t = Math.max(t, ctx.now.getTime() - 2 * DAY);
    t = Math.min(t, ctx.now.getTime() - 30 * 60_000);
    const at = iso(t);
    const actor =
      action === 'submit'
        ? who.keeper
        : action === 'confirm_health'
          ? who.health
          : action === 'approve' || action === 'return_to_desk'
            ? who.leader
            : who.desk;
    const note = step.note === 'required' ? reason : null;
    world.events.push(eventRow(d.id, action, d.state, step.to, note, actor, at));
    d.state = step.to;
    d.updated_at = at;
    if (note) d.state_note = note;
    if (action === 'submit') {
      d.submitted_at = at;
      d.due_at = iso(t + 3 * DAY);
      Object.assign(d, {
        commitment_name: who.representative,
        commitment_text: COMMITMENT_TEXT,
        committed_at: at,
        committed_by: actor.id,
      });
    } else if (action === 'confirm_health') d.health_confirmed_at = at;
    else if (action === 'approve') {
      d.decided_at = at;
      Object.assign(d, {
        approved_by: actor.id,
        approved_by_name: who.signer.name,
        approved_by_title: who.signer.title,
      });
      world.approvals.push(d);
      for (const s of world.staff) {
        if (s.dossier_id === d.id && s.status === 'pending')
          Object.assign(s, { status: 'approved', approved_at: at, updated_at: at });
      }
    } else if (action === 'reject') {
      d.decided_at = at;
      for (const s of world.staff) {
        if (s.dossier_id === d.id && s.status === 'pending') {
          Object.assign(s, {
            status: 'removed',
            removed_at: at,
            removed_reason: `Hồ sơ bị từ chối: ${note}`,
            removed_by: actor.id,
            updated_at: at,
          });
        }
      }
    }
  }
}

type Table = 'businesses' | 'dossiers' | 'dossier_events' | 'dossier_attachments' | 'staff_members';

async function insertBatches<K extends Table>(db: Executor, table: K, rows: Insertable<Database[K]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    // One helper for five tables: the rows are typed by the caller's table.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + INSERT_BATCH) as never)
      .execute();
  }
}
