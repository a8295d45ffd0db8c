import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

// Fastify's own dependencies, found from where Fastify is (they are not ours to list).
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

let validatorFactory: ValidatorFactory | undefined;
let serializerFactory: SerializerFactory | undefined;

/**
 * Fastify's default schema compilers (ajv with its formats, fast-json-stringify), loaded the
 * first time a route declares a Fastify schema instead of in `Fastify()`: loading them was
 * a third of the server's start-up (docs/runtime.md "Start-up"). Our routes declare none —
 * register-routes.ts validates with zod — so in practice they are never loaded; a plugin
 * route with a schema still gets exactly the default compilers.
 */
export const lazySchemaCompilers: CompilersFactory = {
  buildValidator: (externalSchemas, options) => {
    validatorFactory ??= (fromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)();
    return validatorFactory(externalSchemas, options);
  },
  buildSerializer: (externalSchemas, options) => {
    serializerFactory ??= (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)();
    return serializerFactory(externalSchemas, options);
  },
};
