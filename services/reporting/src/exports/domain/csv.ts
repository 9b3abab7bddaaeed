import { EXPORT_COLUMNS, ExportRow } from './export-table';

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so spreadsheet programs show the Vietnamese labels correctly. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map((c) => field(c.label)).join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => field(row[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Reads back what toCsv writes (RFC 4180, CRLF; the BOM removed first): rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
