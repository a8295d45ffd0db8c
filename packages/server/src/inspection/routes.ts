import { anomalyRoutes } from './anomaly-routes.js';

/** Post-inspection: findings, their export, inspection cases. */
export const inspectionRoutes = [...anomalyRoutes];
