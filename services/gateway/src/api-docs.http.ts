// The OpenAPI UI at /api/docs: Swagger UI's files come from the swagger-ui-dist package (installed with
// @nestjs/swagger) and are served from disk, so the docs work without internet. The page offers the
// merged document (/api/docs-json) and each service's own.
import { createReadStream, existsSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { SERVICE_NAMES } from '@ishc/contracts';
import { serviceDocsPath } from './merged-openapi';
import { notFound, sendProblem } from './problem-response';

export const DOCS_PATH = '/api/docs';

/** The only files served from swagger-ui-dist (no directory listing, no path tricks). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
  'oauth2-redirect.html': 'text/html; charset=utf-8',
};

/** swagger-ui-dist's folder, looked up from @nestjs/swagger, which is what depends on it. */
export function swaggerUiDistDir(): string {
  const fromSwagger = path.dirname(require.resolve('@nestjs/swagger/package.json'));
  return path.dirname(require.resolve('swagger-ui-dist/package.json', { paths: [fromSwagger] }));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ISHC platform API</title>
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
  <link rel="stylesheet" href="${DOCS_PATH}/index.css">
  <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="${DOCS_PATH}/swagger-initializer.js"></script>
</body>
</html>
`;

/** Replaces swagger-ui-dist's own initializer, which points at the Petstore example. */
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: ${JSON.stringify([
      { name: 'all services', url: '/api/docs-json' },
      ...SERVICE_NAMES.map((s) => ({ name: s, url: serviceDocsPath(s) })),
    ])},
    'urls.primaryName': 'all services',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

export function handleApiDocs(req: IncomingMessage, res: ServerResponse, pathname: string, distDir: string): void {
  if (pathname === DOCS_PATH || pathname === `${DOCS_PATH}/` || pathname === `${DOCS_PATH}/index.html`) {
    send(res, 'text/html; charset=utf-8', PAGE);
    return;
  }
  const file = pathname.slice(DOCS_PATH.length + 1);
  if (file === 'swagger-initializer.js') {
    send(res, 'text/javascript; charset=utf-8', INITIALIZER);
    return;
  }
  const type = ASSETS[file];
  const full = path.join(distDir, file);
  if (!type || !existsSync(full)) {
    sendProblem(res, notFound());
    return;
  }
  res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(full).on('error', () => res.destroy()).pipe(res);
}

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' });
  res.end(body);
}
