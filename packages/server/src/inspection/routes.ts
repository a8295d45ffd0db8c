import { anomalyRoutes } from './anomaly-routes.js';
import { caseRoutes } from './cases/case-routes.js';

/** Post-inspection: findings, their export, inspection cases. */
export const inspectionRoutes = [...anomalyRoutes, ...caseRoutes];
