import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-handler.js';

/** Paths that are never the web app: unknown ones get a JSON 404. */
const isApiPath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz');

/**
 * Serves the built web app (`packages/web/dist`) at `/`, with the SPA fallback: a GET for
 * an unknown non-API path that accepts HTML gets `index.html`. Without a build, a short
 * Vietnamese page says how to build it.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    // Imported here: without a built web app (development, the API alone) it is never loaded.
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: true,
      setHeaders: (reply, path) => {
        // Vite's hashed assets never change; index.html and the service worker always revalidate.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
  }
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(path);
    // Separate pages: the verification page a permit QR opens, and the checkpoint app.
    const page =
      path === '/p1' ? 'p1.html' : path === '/checkpoint' || path.startsWith('/checkpoint/') ? 'checkpoint.html' : null;
    if (wantsPage && built && page && existsSync(join(distDir, page))) {
      return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    if (wantsPage && built && (req.headers.accept ?? '').includes('text/html')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (wantsPage && !built) return reply.status(404).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.status(404).send(errorBody('not_found', `Không có đường dẫn ${req.method} ${path}.`));
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thông hành</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}code{background:#f2f2f2;padding:.1rem .3rem;border-radius:3px}</style>
</head>
<body>
<h1>Thông hành</h1>
<p>Máy chủ đang chạy, nhưng ứng dụng web chưa được xây dựng.</p>
<p>Hãy chạy <code>npm run build</code> rồi khởi động lại máy chủ.</p>
<p>Giao diện lập trình (API): <a href="/api/openapi.json">/api/openapi.json</a> · Tình trạng: <a href="/healthz">/healthz</a></p>
</body>
</html>
`;
