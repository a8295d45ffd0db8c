import { z } from 'zod';
import { areaSchema, districtCode, wardCode } from './common.js';
import { periodQuery } from './period.js';

/** GET /stats: the figures of an area, grouped in sections that parts of the server add. */
export const statsQuery = z.object({ ward: wardCode.optional(), district: districtCode.optional() });

export const statsSchema = z.object({
  area: areaSchema,
  at: z.string(),
  sections: z.record(z.string(), z.record(z.string(), z.number())),
});
export type StatsView = z.infer<typeof statsSchema>;

export const SERIES_BUCKETS = ['hour', 'day'] as const;
export type SeriesBucket = (typeof SERIES_BUCKETS)[number];

/** GET /stats/series and its export. */
export const statsSeriesQuery = z.object({
  ward: wardCode.optional(),
  district: districtCode.optional(),
  ...periodQuery,
  bucket: z.enum(SERIES_BUCKETS).default('day').describe('Theo giờ hoặc theo ngày (giờ Việt Nam)'),
});
export type StatsSeriesQuery = z.output<typeof statsSeriesQuery>;

export const statsSeriesSchema = z.object({
  area: areaSchema,
  bucket: z.enum(SERIES_BUCKETS),
  from: z.string(),
  to: z.string(),
  verdicts: z.array(z.string()),
  scans: z.array(z.object({ at: z.string(), total: z.number().int(), counts: z.record(z.string(), z.number().int()) })),
  permitsIssued: z.array(z.object({ at: z.string(), n: z.number().int() })),
  dossiers: z.object({
    level: z.enum(['ward', 'district']),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        handled: z.number().int(),
        onTime: z.number().int(),
        late: z.number().int(),
      }),
    ),
  }),
});
export type StatsSeriesView = z.infer<typeof statsSeriesSchema>;
