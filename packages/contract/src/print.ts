import { z } from 'zod';
import { PERMIT_STATES } from './permits.js';

/** Printing permits (GET /permits/:id/pdf, POST /permits/print): the answers are PDF files. */

export const PRINT_LAYOUTS = ['A5', 'A4x2'] as const;
export type PrintLayout = (typeof PRINT_LAYOUTS)[number];

/** Most permits one print request names by id. */
export const MAX_PRINT_IDS = 20_000;

const layout = z.enum(PRINT_LAYOUTS).default('A5').describe('A5: một giấy một trang; A4x2: hai giấy trên một trang A4');

export const permitPdfQuery = z.object({ layout });

export const printPermitsBody = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_PRINT_IDS), layout }),
  z.object({ batchId: z.string().min(1).max(64), layout }),
  z.object({
    businessId: z.string().min(1).max(64),
    status: z.enum(PERMIT_STATES).default('active'),
    layout,
  }),
]);
