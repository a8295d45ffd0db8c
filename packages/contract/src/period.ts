import { z } from 'zod';

/** The longest period one request for findings or series examines (longer: 400 period_too_long). */
export const MAX_PERIOD_DAYS = 92;

/** `?from=&to=` (ISO instants with an offset): the period examined. Order and length are checked by the server. */
export const periodQuery = {
  from: z.iso.datetime({ offset: true }).optional().describe('Từ thời điểm (mặc định: 7 ngày trước `to`)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Đến thời điểm, không kể (mặc định: bây giờ)'),
};
