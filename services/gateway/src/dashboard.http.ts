// The dashboard (services/dashboard, bundled by Vite into dist/services/dashboard) at `/`: its index page
// and its hashed assets, from local files only. Without a build, `/` falls back to the plain home page.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { HOME_PAGE } from './home-page';
import { notFound, sendProblem } from './problem-response';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The page may load only what this gateway serves (no CDN, no fonts from the internet) and talk only to
 * it; React's `style` attributes need inline styles.
 */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/** dist/services/dashboard, seen from dist/services/gateway/src (DASHBOARD_DIR wins). */
export function dashboardDistDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.DASHBOARD_DIR?.trim() || path.resolve(__dirname, '..', '..', 'dashboard');
}

/** Whether this path is the dashboard's to answer: `/`, `/index.html` and `/assets/…`. */
export function isDashboardPath(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html' || pathname.startsWith('/assets/');
}

export function handleDashboard(req: IncomingMessage, res: ServerResponse, pathname: string, distDir: string | undefined): void {
  const index = distDir ? path.join(distDir, 'index.html') : undefined;
  if (pathname === '/' || pathname === '/index.html') {
    if (index && existsSync(index)) {
      // Always revalidated: it names the current hashed assets.
      return sendFile(req, res, index, { 'cache-control': 'no-cache', 'content-security-policy': DASHBOARD_CSP });
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(HOME_PAGE) });
    return void res.end(req.method === 'HEAD' ? undefined : HOME_PAGE);
  }
  const file = distDir ? assetFile(distDir, pathname) : undefined;
  if (!file) return sendProblem(res, notFound());
  // Vite puts a content hash in every asset's name: a new build is a new name, so the old may be kept.
  sendFile(req, res, file, { 'cache-control': 'public, max-age=31536000, immutable' });
}

/** The asset's file inside `distDir/assets`, or undefined: no other folder, no dot files, no `..`. */
function assetFile(distDir: string, pathname: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice('/assets/'.length));
  } catch {
    return undefined;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || !TYPES[path.extname(name)]) return undefined;
  const file = path.join(distDir, 'assets', name);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string>): void {
  const size = statSync(file).size;
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
