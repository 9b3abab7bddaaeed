// Streams a request to the service that owns its path and the answer back, unchanged: method, path and
// query, headers (traceparent and Authorization included), body and status. Only hop-by-hop headers,
// which describe one connection and not the message (RFC 9110 §7.6.1), are dropped; X-Forwarded-* are
// added so a service can tell the original client and host.
import http, { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import { sendProblem } from './problem-response';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers minus the hop-by-hop ones, including any the Connection header names. */
export function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.includes(name)),
  ) as IncomingHttpHeaders;
}

function appendForwardedFor(previous: string | string[] | undefined, client: string | undefined): string | undefined {
  const list = [previous, client].flat().filter((v): v is string => Boolean(v));
  return list.length > 0 ? list.join(', ') : undefined;
}

/** Methods without effects and (here) without a body: safe to send again when a connection drops before any answer. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ServiceProxy {
  // Keep-alive connections to the services: a gateway that opens a TCP connection per request adds latency for nothing.
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  forward(req: IncomingMessage, res: ServerResponse, service: string, baseUrl: string): void {
    const target = new URL(baseUrl);
    const headers = endToEndHeaders(req.headers);
    headers['x-forwarded-for'] = appendForwardedFor(req.headers['x-forwarded-for'], req.socket.remoteAddress);
    headers['x-forwarded-host'] ??= req.headers.host;
    headers['x-forwarded-proto'] ??= 'http';
    const secure = target.protocol === 'https:';
    const send = () =>
      (secure ? https : http).request({
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || (secure ? 443 : 80),
        method: req.method,
        path: req.url,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
      });

    const attempt = (upstream: http.ClientRequest, mayRetry: boolean): void => {
      upstream.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
        pipeline(answer, res, () => undefined); // errors end both streams; nothing more to say to the client
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (res.destroyed) return; // the client left first (see below)
        // A kept-alive connection the service closed just as this request went out on it (its idle timeout
        // and our reuse crossed): nothing reached the service, so a request without effects goes again,
        // once, on a new connection (as Node's http documentation advises for `reusedSocket`).
        if (mayRetry && upstream.reusedSocket && error.code === 'ECONNRESET' && !res.headersSent) {
          const again = send();
          attempt(again, false);
          again.end();
          return;
        }
        if (res.headersSent) {
          res.destroy(error); // the answer had begun: cut it, so the client sees it incomplete
          return;
        }
        sendProblem(res, {
          status: 502,
          slug: 'service-unavailable',
          title: 'Bad gateway',
          detail: `The ${service} service did not answer (${error.code ?? error.message}). Is it running?`,
        });
      });
      // The client gave up: stop the service's work on its behalf too.
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
    };

    const first = send();
    attempt(first, SAFE_METHODS.has(req.method ?? ''));
    // Not pipeline(): on an upstream error it would destroy `req`, and with it the socket the 502 needs.
    req.on('error', () => first.destroy());
    req.pipe(first);
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
