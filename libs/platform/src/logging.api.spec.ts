import { Writable } from 'node:stream';
import request from 'supertest';
import { TestApp, startTestApp } from './spec-support/test-app';
import { describeWith } from '@ishc/testing';

describeWith(['postgres'], 'request logs', () => {
  let t: TestApp;
  let token: string;
  const chunks: string[] = [];
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown> & { msg?: string; req?: Record<string, unknown> });

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await startTestApp({ LOG_LEVEL: 'info' }, destination);
    token = await t.token();
  });
  afterAll(() => t.close());

  it('logs each request as JSON with the service, method, path and route, never body, query or token', async () => {
    await request(t.app.getHttpServer())
      .post('/api/registry/widgets?nationalId=001234567890')
      .set('Authorization', `Bearer ${token}`)
      .set('Cookie', 'session=s3cr3t')
      .send({ name: 'Nguyễn Thị B', count: 1, plantedOn: '2024-03-01' })
      .expect(201);

    const line = lines().find((l) => l.msg === 'request completed' && l.req?.method === 'POST');
    expect(line).toMatchObject({
      service: 'registry',
      level: 'info',
      req: { method: 'POST', path: '/api/registry/widgets' },
      res: { statusCode: 201 },
      route: '/api/registry/widgets',
    });
    const all = chunks.join('');
    for (const secret of ['Nguyễn', '001234567890', token, 's3cr3t']) expect(all).not.toContain(secret);
  });

  it('logs an unexpected error with its stack, at error level', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/registry/boom').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(500);
    const line = lines().find((l) => l.msg === 'unexpected error while handling a request');
    expect(line).toMatchObject({ level: 'error', service: 'registry', err: { type: 'Error', stack: expect.stringContaining('boom') } });
  });
});
