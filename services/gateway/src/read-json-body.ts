// Reads a small JSON request body, with the platform's error shapes: 413 past the limit, 400 when it is
// not JSON. Only the gateway's own routes read bodies; proxied ones are streamed untouched.
import { IncomingMessage } from 'node:http';
import { Problem } from './problem-response';

export type BodyResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limitBytes) return tooLarge(limitBytes);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    return { ok: false, problem: { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'The request needs a JSON body.' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'The body is not valid JSON.' } };
  }
}

function tooLarge(limitBytes: number): BodyResult {
  return {
    ok: false,
    problem: {
      status: 413,
      slug: 'payload-too-large',
      title: 'Payload too large',
      detail: `The body is larger than ${limitBytes} bytes.`,
    },
  };
}
