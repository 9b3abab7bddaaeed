import { Actor, FieldError } from '@ishc/platform';
import { DuplicateReason } from '../../members/domain/duplicate-match';
import { MemberFileRow } from '../member-file';

export class ImportMembersCommand {
  constructor(
    readonly rows: MemberFileRow[],
    readonly dryRun: boolean,
    readonly actor: Actor,
  ) {}
}

/** `valid` (dry run: would be created), `created`, `existing` (imported before: nothing new), `invalid` (nothing written). */
export type ImportRowStatus = 'valid' | 'created' | 'existing' | 'invalid';

/** An earlier member (`duplicateOf`) or an earlier row of the same file (`duplicateOfRow`) that may be the same person. */
export interface ImportPossibleDuplicate {
  duplicateOf?: string;
  duplicateOfRow?: number;
  reason: DuplicateReason;
}

export interface ImportRowResult {
  row: number;
  status: ImportRowStatus;
  errors: FieldError[];
  /** The member created (or found, for `existing`). */
  id?: string;
  /** For a row repeated in the file: the first row with the same content. */
  sameAsRow?: number;
  possibleDuplicates: ImportPossibleDuplicate[];
}

export interface ImportMembersResult {
  dryRun: boolean;
  total: number;
  valid: number;
  created: number;
  existing: number;
  invalid: number;
  rows: ImportRowResult[];
}
