import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on first use instead of at import: exceljs, fontkit, qrcode and
 * pg take most of the server's start-up to load and only some requests need them
 * (docs/runtime.md). `const ExcelJS = lazyRequire<typeof ExcelJSModule>('exceljs')` reads
 * like the default import it replaces; the package loads on the first property read.
 */
export function lazyRequire<T extends object>(name: string): T {
  let loaded: T | undefined;
  const load = (): T => {
    loaded ??= require(name) as T;
    return loaded;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(load(), key),
    has: (_, key) => Reflect.has(load(), key),
  });
}
