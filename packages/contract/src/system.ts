import { z } from 'zod';

/** GET /healthz: the process answers and its database too. */
export const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** GET /api/openapi.json: the OpenAPI 3.1 document (built from this contract). */
export const openApiDocumentResponse = z.record(z.string(), z.unknown());
