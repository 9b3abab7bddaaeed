import { FieldError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '@ishc/platform';
import { Workbook } from 'exceljs';
import { parseCsv } from './csv';
import { ImportField, MEMBER_IMPORT_COLUMNS, fieldOfHeader } from './member-import-columns';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows of data in one file at most (the issue asks for 5,000 in one request). */
export const MAX_IMPORT_ROWS = 10_000;

/** One data row: its number in the sheet (the header is row 1) and its cells by field, trimmed, non-empty. */
export interface MemberFileRow {
  row: number;
  cells: Partial<Record<ImportField, string>>;
}

/** The media type of an upload, without parameters; null when it is neither CSV nor XLSX. */
export function uploadTypeOf(contentType: string | undefined): typeof CSV_TYPE | typeof XLSX_TYPE | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === CSV_TYPE || type === 'application/csv') return CSV_TYPE;
  if (type === XLSX_TYPE) return XLSX_TYPE;
  return null;
}

/** Reads a member file: 415 for another type, 400 when it cannot be read or its header is wrong, 413 past MAX_IMPORT_ROWS. */
export async function readMemberFile(contentType: string | undefined, content: Buffer): Promise<MemberFileRow[]> {
  const type = uploadTypeOf(contentType);
  if (type === null) throw new UnsupportedMediaTypeError(`Upload the file as ${CSV_TYPE} or ${XLSX_TYPE}.`);
  const table = type === CSV_TYPE ? csvTable(content) : await xlsxTable(content);
  const [header, ...data] = table;
  if (!header || header.every((h) => h.trim() === '')) throw new ValidationError([{ field: 'file', message: 'the file is empty: the first row must name the columns' }]);
  const fields = headerFields(header);
  const rows: MemberFileRow[] = [];
  data.forEach((cells, i) => {
    const row: MemberFileRow = { row: i + 2, cells: {} };
    cells.forEach((value, column) => {
      const field = fields[column];
      const text = value.trim();
      if (field && text !== '') row.cells[field] = text;
    });
    if (Object.keys(row.cells).length > 0) rows.push(row);
  });
  if (rows.length > MAX_IMPORT_ROWS) throw new PayloadTooLargeError(`A file holds at most ${MAX_IMPORT_ROWS} rows of members; this one has ${rows.length}.`);
  return rows;
}

function csvTable(content: Buffer): string[][] {
  const text = content.toString('utf8');
  if (text.includes('\uFFFD')) throw new ValidationError([{ field: 'file', message: 'a CSV file must be UTF-8 (save it as "CSV UTF-8")' }]);
  return parseCsv(text);
}

async function xlsxTable(content: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ValidationError([{ field: 'file', message: 'not a readable XLSX workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError([{ field: 'file', message: 'the workbook has no sheet' }]);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

/** A cell as text: dates as YYYY-MM-DD, rich text and formulas by their text and result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}

/** The field of each column; 400 naming unknown, repeated and missing columns. */
function headerFields(header: string[]): Array<ImportField | undefined> {
  const errors: FieldError[] = [];
  const seen = new Set<ImportField>();
  const fields = header.map((raw, i) => {
    const name = raw.trim();
    if (name === '') return undefined;
    const field = fieldOfHeader(name);
    if (!field) errors.push({ field: `header.${i + 1}`, message: `unknown column "${name}"` });
    else if (seen.has(field)) errors.push({ field: `header.${i + 1}`, message: `column "${name}" is given twice` });
    else seen.add(field);
    return field;
  });
  for (const column of MEMBER_IMPORT_COLUMNS) {
    if (column.required && !seen.has(column.field)) errors.push({ field: 'header', message: `missing column "${column.header}"` });
  }
  if (!seen.has('birthDate') && !seen.has('birthYear')) errors.push({ field: 'header', message: 'give a column "Ngày sinh" or "Năm sinh"' });
  if (errors.length > 0) throw new ValidationError(errors, 'The first row of the file must name the columns of the template.');
  return fields;
}
