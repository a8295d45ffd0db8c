import { ALL_ROUTES } from '../routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { API_INFO } from './system-routes.js';

/** docs/openapi.json as it should be: the routes' document, no server URL, stable formatting. */
export const openApiText = (): string => `${JSON.stringify(buildOpenApiDocument(ALL_ROUTES, API_INFO), null, 2)}\n`;
