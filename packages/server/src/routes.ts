import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { businessChangeRoutes } from './businesses/changes/routes.js';
import { businessRoutes } from './businesses/routes.js';
import { businessStaffRoutes } from './businesses/staff/routes.js';
import { unitCredentialRoutes } from './businesses/unit-credential/routes.js';
import { checkpointRoutes } from './checkpoints/routes.js';
import { attachmentRoutes } from './dossiers/attachments/routes.js';
import { draftAndCopyRoutes } from './dossiers/draft-and-copy-routes.js';
import { dossierRoutes } from './dossiers/routes.js';
import { dossierStaffRoutes } from './dossiers/staff/routes.js';
import { guideRoutes } from './guides/routes.js';
import type { AnyRoute } from './http/route.js';
import { healthRoute, openApiRoute } from './http/system-routes.js';
import { inspectionRoutes } from './inspection/routes.js';
import { jurisdictionRoutes } from './jurisdictions/routes.js';
import { keyRoutes } from './keys/routes.js';
import { listRoutes } from './lists/routes.js';
import { printRoutes } from './permits/print-routes.js';
import { permitRoutes } from './permits/routes.js';
import { serialSuffixRoutes } from './permits/serial-suffix-routes.js';
import { scanRoutes } from './scans/routes.js';
import { staffTemplateRoutes } from './staff/template-routes.js';
import { statsRoutes } from './stats/routes.js';
import { statsSeriesRoutes } from './stats/series-routes.js';
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
  ...guideRoutes,
  ...auditRoutes,
  ...businessRoutes,
  ...businessChangeRoutes,
  ...dossierRoutes,
  ...draftAndCopyRoutes,
  ...attachmentRoutes,
  ...staffTemplateRoutes,
  ...dossierStaffRoutes,
  ...businessStaffRoutes,
  ...statsRoutes,
  ...permitRoutes,
  ...printRoutes,
  ...unitCredentialRoutes,
  ...serialSuffixRoutes,
  ...keyRoutes,
  ...scanRoutes,
  ...inspectionRoutes,
  ...statsSeriesRoutes,
];

export const ALL_ROUTES: AnyRoute[] = [healthRoute, openApiRoute(() => ALL_ROUTES), ...listRoutes, ...API_ROUTES];
