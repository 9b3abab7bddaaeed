import { Workbook } from 'exceljs';
import { writeCsv } from '../csv';
import { MEMBER_IMPORT_COLUMNS } from '../member-import-columns';

const TEXT_COLUMNS = new Set(['birthDate', 'phone', 'nationalId', 'communeCode', 'clubId', 'joinedOn']);

/** The CSV template: the header row only, UTF-8 with a byte-order mark. */
export function csvTemplate(): Buffer {
  return Buffer.from(writeCsv([MEMBER_IMPORT_COLUMNS.map((c) => c.header)]), 'utf8');
}

/**
 * The XLSX template: sheet "Thành viên" with the header row (codes, phones, IDs and dates formatted as
 * text, so leading zeros stay), and sheet "Hướng dẫn" explaining each column with an example.
 */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Thành viên');
  sheet.columns = MEMBER_IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(14, c.header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  MEMBER_IMPORT_COLUMNS.forEach((c, i) => {
    if (TEXT_COLUMNS.has(c.field)) sheet.getColumn(i + 1).numFmt = '@';
  });
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'header', width: 22 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách điền', key: 'hint', width: 90 },
    { header: 'Ví dụ', key: 'example', width: 26 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of MEMBER_IMPORT_COLUMNS) help.addRow({ header: c.header, required: c.required ? 'Có' : '', hint: c.hint, example: c.example });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
