import { z } from 'zod';
import { ANOMALY_KINDS } from './anomaly-kinds.js';
import { areaSchema, districtCode, timestamp, wardCode } from './common.js';
import { periodQuery } from './period.js';

/**
 * Post-inspection (hậu kiểm): the findings the server derives from the scan log, and the
 * inspection cases a ward keeps on a unit. The rules are the server's (inspection/).
 */

/** Default threshold of a unit's failure rate, percent. */
export const DEFAULT_FAILURE_THRESHOLD = 20;

/** A finding as the API, the exports and the inspection cases present it. */
export const findingSchema = z.object({
  key: z.string().describe('Mã ổn định của phát hiện: dùng để đưa vào hồ sơ hậu kiểm'),
  kind: z.enum(ANOMALY_KINDS),
  at: z.string().describe('Thời điểm (lượt quét; với phát hiện theo kỳ: cuối kỳ)'),
  explanation: z.string().describe('Giải thích bằng tiếng Việt'),
  unit: z.object({ id: z.string(), name: z.string(), taxCode: z.string(), wardCode: z.string() }).nullable(),
  permit: z.object({ id: z.string(), serial: z.string(), holder: z.string(), status: z.string() }).nullable(),
  person: z.object({ name: z.string().nullable(), idNumber: z.string().nullable() }).nullable(),
  checkpoints: z.array(z.object({ id: z.string(), name: z.string() })),
  scans: z.array(z.object({ id: z.string(), at: z.string(), checkpointId: z.string(), verdict: z.string() })),
  permits: z.array(z.object({ id: z.string(), serial: z.string(), holder: z.string() })),
  count: z.number().int().nullable().describe('never_scanned: số giấy; unit_high_failure: số lượt không hợp lệ'),
  total: z.number().int().nullable().describe('unit_high_failure: tổng số lượt quét'),
});
export type Finding = z.infer<typeof findingSchema>;

const kindList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ANOMALY_KINDS)).min(1))
  .describe('Một hoặc nhiều loại, cách nhau bằng dấu phẩy');

const filterQuery = {
  ward: wardCode.optional(),
  district: districtCode.optional(),
  ...periodQuery,
  kind: kindList.optional(),
  threshold: z.coerce
    .number()
    .min(1)
    .max(100)
    .default(DEFAULT_FAILURE_THRESHOLD)
    .describe('Ngưỡng tỉ lệ quét không hợp lệ của một đơn vị, %'),
};

/** GET /inspection/anomalies/export: the list's filters, no pages. */
export const anomalyFilterQuery = z.object(filterQuery);
export type AnomalyFilter = z.output<typeof anomalyFilterQuery>;

export const listAnomaliesQuery = z.object({
  ...filterQuery,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const findingsPageSchema = z.object({
  area: areaSchema,
  from: z.string(),
  to: z.string(),
  counts: z.record(z.enum(ANOMALY_KINDS), z.number().int()),
  items: z.array(findingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const INSPECTION_CASE_STATES = ['open', 'closed'] as const;
export const CASE_ENTRY_KINDS = ['opened', 'finding', 'note', 'closed', 'unit_suspended'] as const;

export const caseSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(INSPECTION_CASE_STATES),
  outcome: z.enum(['no_action', 'unit_suspended']).nullable(),
  business: z.object({ id: z.string(), name: z.string(), taxCode: z.string(), status: z.string() }),
  wardCode: z.string(),
  findingCount: z.number().int(),
  openedBy: z.string().nullable(),
  openedAt: timestamp,
  closedBy: z.string().nullable(),
  closedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export type InspectionCaseView = z.infer<typeof caseSchema>;

export const caseEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(CASE_ENTRY_KINDS),
  finding: findingSchema.nullable().describe('Phát hiện như lúc được đưa vào hồ sơ'),
  note: z.string().nullable(),
  actor: z.object({ id: z.string().nullable(), role: z.string(), name: z.string().nullable() }),
  at: timestamp,
});

export const caseDetailSchema = caseSchema.extend({ entries: z.array(caseEntrySchema) });
export type InspectionCaseDetailView = z.infer<typeof caseDetailSchema>;

export const listCasesQuery = z.object({
  ward: wardCode.optional(),
  district: districtCode.optional(),
  state: z.enum(INSPECTION_CASE_STATES).optional(),
  businessId: z.string().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const casePageSchema = z.object({
  items: z.array(caseSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const caseNote = z.string().trim().min(1, 'Nhập nội dung').max(4000);
/** Keys of findings (GET /inspection/anomalies) found again by the server when added to a case. */
const findingKeys = z.array(z.string().min(1).max(200)).max(200);

export const openCaseBody = z.object({
  businessId: z.string().min(1).max(64),
  title: z.string().trim().max(200).optional(),
  note: z.string().trim().max(4000).optional(),
  findingKeys: findingKeys.optional(),
});
export const addFindingsBody = z.object({ findingKeys: findingKeys.min(1) });
/** A note, a conclusion (close), the reason of a suspension. */
export const caseNoteBody = z.object({ note: caseNote });
