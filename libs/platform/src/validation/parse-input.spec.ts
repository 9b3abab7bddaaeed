import { z } from 'zod';
import { ValidationError } from '../errors/http-errors';
import { isIsoDate, isoDate } from './iso-date';
import { parseInput } from './parse-input';

describe('isoDate', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2000-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '2024-01-01T00:00:00Z', ''].some(isIsoDate)).toBe(false);
    expect(isoDate.safeParse(20240101).success).toBe(false);
  });
});

describe('parseInput', () => {
  it('returns the parsed value', () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: '3' })).toEqual({ n: 3 });
  });

  it('throws a ValidationError listing every invalid field, unknown keys by name', () => {
    const schema = z.strictObject({ heldOn: isoDate, attendeeIds: z.array(z.uuid()).min(1), topics: z.array(z.string()).optional() });
    let error: unknown;
    try {
      parseInput(schema, { heldOn: '2024-02-30', attendeeIds: ['not-a-uuid'], venue: 'x', extra: 1 });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).errors?.map((e) => e.field);
    expect(fields?.sort()).toEqual(['attendeeIds.0', 'extra', 'heldOn', 'venue']);
    expect((error as ValidationError).toProblem()).toMatchObject({ status: 400, detail: '4 invalid fields.' });
  });

  it('names a missing body', () => {
    expect(() => parseInput(z.object({ a: z.string() }), undefined)).toThrow(ValidationError);
    try {
      parseInput(z.object({ a: z.string() }), undefined);
    } catch (error) {
      expect((error as ValidationError).errors).toEqual([{ field: '(root)', message: expect.any(String) }]);
    }
  });
});
