import { Writable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { InMemoryTracer, installInMemoryTracer } from '../tracing/in-memory-tracer';
import { withSpan } from '../tracing/with-span';
import { createLogger } from './create-logger';
import { httpLoggerOptions } from './http-logger-options';

function captureLines(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('createLogger', () => {
  let tracer: InMemoryTracer;
  beforeEach(() => {
    tracer = installInMemoryTracer();
  });
  afterEach(() => tracer.uninstall());

  it('puts the service and the active trace and span ids on every line', async () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'registry', destination: stream });
    logger.info('outside');
    const ids = await withSpan('work', { kind: SpanKind.INTERNAL }, async (span) => {
      logger.child({ component: 'x' }).info('inside');
      return span.spanContext();
    });

    const [outside, inside] = lines();
    expect(outside).toMatchObject({ service: 'registry', level: 'info', msg: 'outside' });
    expect(outside.trace_id).toBeUndefined();
    expect(inside).toMatchObject({ service: 'registry', trace_id: ids.traceId, span_id: ids.spanId, trace_flags: '01' });
  });

  it('redacts credentials and logs requests without body, query string or headers', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'registry', destination: stream });
    const request = {
      id: 'r1',
      method: 'POST',
      url: '/api/registry/members?nationalId=001234567890',
      headers: { authorization: 'Bearer secret-token', cookie: 'sid=abc' },
      body: { fullName: 'Nguyễn Văn A' },
      route: { path: '/api/registry/members' },
    };
    logger.info({ req: request, headers: request.headers }, 'request');

    const [line] = lines();
    const text = JSON.stringify(line);
    expect(line.req).toEqual({ id: 'r1', method: 'POST', path: '/api/registry/members' });
    expect(line.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]' });
    for (const secret of ['secret-token', 'sid=abc', 'Nguyễn', '001234567890']) expect(text).not.toContain(secret);
  });

  it('logs an error’s type, message and stack but not the input its properties carry', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'registry', destination: stream });
    const error = Object.assign(new Error('duplicate key value violates unique constraint "members_pkey"'), {
      code: '23505',
      detail: 'Key (national_id)=(001234567890) already exists.',
    });
    logger.error({ err: error }, 'failed');
    const [line] = lines();
    expect(line.err).toMatchObject({ type: 'Error', code: '23505', message: error.message });
    expect(JSON.stringify(line)).not.toContain('001234567890');
  });

  it('gives pino-http the same request serializer', () => {
    const options = httpLoggerOptions(createLogger({ service: 'registry', level: 'silent' }));
    const serialize = options.serializers?.req as (r: object) => object;
    expect(serialize({ id: 1, method: 'GET', url: '/x?y=1', raw: { originalUrl: '/api/x?y=1', method: 'GET' } })).toEqual({
      id: 1,
      method: 'GET',
      path: '/api/x',
    });
  });

  it('gives pino-http the level of each completion line, silent when the logger would drop it', () => {
    const levelOf = (loggerLevel: 'info' | 'warn', statusCode: number, error?: Error) => {
      const options = httpLoggerOptions(createLogger({ service: 'registry', level: loggerLevel, destination: captureLines().stream }));
      const customLogLevel = options.customLogLevel as (req: object, res: { statusCode: number }, error?: Error) => string;
      return customLogLevel({}, { statusCode }, error);
    };
    expect([levelOf('info', 201), levelOf('info', 404), levelOf('info', 503), levelOf('info', 200, new Error('x'))]).toEqual(['info', 'warn', 'error', 'error']);
    expect([levelOf('warn', 201), levelOf('warn', 404), levelOf('warn', 503)]).toEqual(['silent', 'warn', 'error']);
  });
});
