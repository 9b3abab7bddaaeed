import { parseCsv, writeCsv } from './csv';

describe('CSV', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, CRLF or LF, and drops a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n1,"two\nlines",3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', 'two\nlines', '3'],
    ]);
  });

  it('takes a semicolon as the separator when the header has more semicolons than commas (Excel in a comma-decimal locale)', () => {
    expect(parseCsv('Họ và tên;Giới tính\nNguyễn Thị Đào;Nữ')).toEqual([
      ['Họ và tên', 'Giới tính'],
      ['Nguyễn Thị Đào', 'Nữ'],
    ]);
  });

  it('writes what it reads, with a byte-order mark for spreadsheet programs', () => {
    const rows = [
      ['Họ và tên', 'Ghi chú'],
      ['Thạch Thị Sa', 'a, "b"; c'],
    ];
    const text = writeCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});
