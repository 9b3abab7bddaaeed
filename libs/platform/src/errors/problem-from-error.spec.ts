import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ExpectedVersionConflictError } from '@ishc/event-store';
import { z } from 'zod';
import { ConflictError, ServiceUnavailableError, ValidationError } from './http-errors';
import { problemFromError } from './problem-from-error';

describe('problemFromError', () => {
  it('keeps a ProblemError’s status, type, detail and headers', () => {
    expect(problemFromError(new ConflictError('Loan is not approved.', { type: 'loan-not-approved' }))).toEqual({
      problem: { type: 'urn:ishc:problem:loan-not-approved', title: 'Conflict', status: 409, detail: 'Loan is not approved.' },
      headers: {},
      unexpected: false,
    });
    expect(problemFromError(new ServiceUnavailableError('Projection still behind.', 2)).headers).toEqual({ 'Retry-After': '2' });
  });

  it('lists every zod issue with its dotted path', () => {
    const schema = z.object({ a: z.string(), b: z.object({ c: z.array(z.number()) }) });
    const parsed = schema.safeParse({ a: 1, b: { c: [1, 'x'] } });
    const { problem } = problemFromError(parsed.error);
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['a', 'b.c.1']);
  });

  it('maps version conflicts and PostgreSQL serialization failures to 409', () => {
    expect(problemFromError(new ExpectedVersionConflictError('s', 1, 2)).problem.status).toBe(409);
    expect(problemFromError(Object.assign(new Error('could not serialize access'), { code: '40001' })).problem.status).toBe(409);
  });

  it('maps an unavailable database (too many clients, shutdown, pool timeout) to 503 with Retry-After, and still logs it', () => {
    for (const error of [
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      const mapped = problemFromError(error);
      expect({ status: mapped.problem.status, retryAfter: mapped.headers['Retry-After'], unexpected: mapped.unexpected }).toEqual({ status: 503, retryAfter: '2', unexpected: true });
      expect(JSON.stringify(mapped.problem)).not.toContain('5432');
    }
  });

  it('maps body-parser errors without their messages', () => {
    const malformed = Object.assign(new SyntaxError('Unexpected token o in "{oops"'), { type: 'entity.parse.failed', status: 400 });
    expect(problemFromError(malformed).problem).toMatchObject({ status: 400, detail: 'The request body is not valid JSON.' });
    expect(problemFromError(Object.assign(new Error('too large'), { type: 'entity.too.large' })).problem.status).toBe(413);
    expect(problemFromError(Object.assign(new Error('x'), { type: 'encoding.unsupported' })).problem.status).toBe(415);
  });

  it('maps Nest HttpExceptions, hiding the router’s echo of the path', () => {
    expect(problemFromError(new BadRequestException('Bad thing')).problem).toMatchObject({ status: 400, detail: 'Bad thing' });
    expect(problemFromError(new PayloadTooLargeException()).problem.status).toBe(413);
    expect(problemFromError(new NotFoundException('Cannot GET /members/0012')).problem.detail).toBe(
      'No route matches this method and path.',
    );
    expect(problemFromError(new HttpException('db password is hunter2', 503)).problem.detail).toBe('Service Unavailable');
  });

  it('turns anything else into an unexpected 500 that says nothing about it', () => {
    const mapped = problemFromError(new TypeError('Cannot read properties of undefined (reading "fullName")'));
    expect(mapped.unexpected).toBe(true);
    expect(mapped.problem.status).toBe(500);
    expect(JSON.stringify(mapped.problem)).not.toContain('fullName');
    expect(problemFromError('a string').problem.status).toBe(500);
    expect(problemFromError(new ValidationError([])).unexpected).toBe(false);
  });
});
