import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { checkpointRoutes } from './checkpoints/routes.js';
import type { AnyRoute } from './http/route.js';
import { healthRoute, openApiRoute } from './http/system-routes.js';
import { jurisdictionRoutes } from './jurisdictions/routes.js';
import { userRoutes } from './users/routes.js';
import { wardSettingsRoutes } from './ward-settings/routes.js';

/**
 * Every route of the API, in the order of the OpenAPI document. A new resource adds its
 * `xxxRoutes` array here; nothing else is needed for Fastify and the document to see it.
 */
export const API_ROUTES: AnyRoute[] = [
  ...authRoutes,
  ...jurisdictionRoutes,
  ...userRoutes,
  ...checkpointRoutes,
  ...wardSettingsRoutes,
  ...auditRoutes,
];

export const ALL_ROUTES: AnyRoute[] = [healthRoute, openApiRoute(() => ALL_ROUTES), ...API_ROUTES];
