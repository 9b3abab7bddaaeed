import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { ValidationError } from '../errors/http-errors';
import { zodFieldErrors } from './zod-field-errors';

/** Parses input with a zod schema; on failure throws a 400 ValidationError listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(zodFieldErrors(result.error));
}

/** `@Body(new ZodValidationPipe(schema))`: the same, as a Nest pipe. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseInput(this.schema, value);
  }
}
