/**
 * A business rule that a command breaks. Domain code throws it; the HTTP layer turns `invalid` into
 * 400 (the field is named), `conflict` into 409 and `not_found` into 404.
 */
export class RuleViolation extends Error {
  constructor(
    readonly kind: 'invalid' | 'conflict' | 'not_found',
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** Several invalid fields at once: the answer lists every one. */
export class RuleViolations extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super(violations.map((v) => `${v.field ?? '(body)'}: ${v.message}`).join('; '));
    this.name = 'RuleViolations';
  }
}
