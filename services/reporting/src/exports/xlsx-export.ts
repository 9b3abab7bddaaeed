import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, ExportRow } from './domain/export-table';

export const XLSX_SHEET = 'Chỉ tiêu';

/** The same table as the CSV, as an Excel workbook: one sheet, Vietnamese column labels, numbers as numbers. */
export async function toXlsx(rows: readonly ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ISHC reporting';
  const sheet = workbook.addWorksheet(XLSX_SHEET);
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.key === 'indicatorName' || c.key === 'orgUnitName' ? 48 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
