// GET /: a starting point for a person with a browser when the dashboard has not been built (dashboard.http.ts).
import { SERVICE_NAMES } from '@ishc/contracts';

export const HOME_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>ISHC platform</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>
</head>
<body>
  <h1>ISHC platform</h1>
  <p>Intergenerational Self-Help Clubs: registry, activities, microfinance and reporting, behind this one gateway.</p>
  <p>The dashboard is not built here: run <code>npm run build</code> (it bundles <code>services/dashboard</code>).</p>
  <ul>
    <li><a href="/api/docs">API documentation</a> (OpenAPI; the merged document is <a href="/api/docs-json">/api/docs-json</a>)</li>
    <li><a href="/api/health">Health</a> of the gateway and each service</li>
  </ul>
  <p>Services: ${SERVICE_NAMES.map((s) => `<code>/api/${s}</code>`).join(', ')}.
  Every API call needs <code>Authorization: Bearer &lt;token&gt;</code>; in the embedded mode,
  <code>POST /api/auth/dev-token</code> gives one.</p>
</body>
</html>
`;
