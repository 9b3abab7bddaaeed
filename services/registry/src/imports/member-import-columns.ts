import { DISADVANTAGED_CATEGORIES, DisadvantagedCategory, MEMBERSHIP_ROLES, MembershipRole } from '@ishc/contracts';
import { normaliseName } from '../members/domain/duplicate-match';

/** The fields a member file may carry, each under one Vietnamese header (docs/registry-import.md). */
export type ImportField =
  | 'fullName'
  | 'sex'
  | 'birthDate'
  | 'birthYear'
  | 'ethnicity'
  | 'ethnicMinority'
  | 'disadvantaged'
  | 'communeCode'
  | 'phone'
  | 'nationalId'
  | 'clubId'
  | 'joinedOn'
  | 'roles';

export interface ImportColumn {
  field: ImportField;
  header: string;
  required: boolean;
  /** What the template's second sheet (and the docs) say about the cell. */
  hint: string;
  /** An example value for the template. */
  example: string;
}

export const MEMBER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'fullName', header: 'Họ và tên', required: true, hint: 'Bắt buộc', example: 'Nguyễn Thị Đào' },
  { field: 'sex', header: 'Giới tính', required: true, hint: 'Bắt buộc: Nữ | Nam (hoặc F | M)', example: 'Nữ' },
  { field: 'birthDate', header: 'Ngày sinh', required: false, hint: 'YYYY-MM-DD hoặc DD/MM/YYYY; hoặc chỉ điền Năm sinh', example: '1955-03-08' },
  { field: 'birthYear', header: 'Năm sinh', required: false, hint: 'Khi không biết ngày sinh', example: '' },
  { field: 'ethnicity', header: 'Dân tộc', required: false, hint: 'Ví dụ: Kinh, Khmer', example: 'Khmer' },
  { field: 'ethnicMinority', header: 'Dân tộc thiểu số', required: false, hint: 'Có | Không', example: 'Có' },
  {
    field: 'disadvantaged',
    header: 'Hoàn cảnh khó khăn',
    required: false,
    hint: `Nhiều giá trị cách nhau bởi dấu ; — ${DISADVANTAGED_CATEGORIES.join(', ')} (hoặc: hộ nghèo, cận nghèo, sống một mình, khuyết tật, bảo trợ xã hội, phụ nữ đơn thân hoặc góa, cần chăm sóc tại nhà)`,
    example: 'hộ nghèo; sống một mình',
  },
  { field: 'communeCode', header: 'Mã xã', required: true, hint: 'Bắt buộc: mã xã nơi cư trú (hiệu lực hôm nay)', example: 'V86-TRACU' },
  { field: 'phone', header: 'Số điện thoại', required: false, hint: '0… hoặc +84…', example: '0912345678' },
  { field: 'nationalId', header: 'Số CCCD/CMND', required: false, hint: '12 số (CCCD) hoặc 9 số (CMND)', example: '084155000123' },
  { field: 'clubId', header: 'Mã CLB', required: false, hint: 'Mã (UUID) của câu lạc bộ để ghi danh thành viên', example: '' },
  { field: 'joinedOn', header: 'Ngày vào CLB', required: false, hint: 'Bắt buộc khi có Mã CLB', example: '' },
  { field: 'roles', header: 'Vai trò', required: false, hint: `Cách nhau bởi dấu ; — ${MEMBERSHIP_ROLES.join(', ')} (mặc định member)`, example: '' },
];

/** Headers compared with case, diacritics and spacing folded; the English field name is accepted too. */
const HEADER_INDEX = new Map<string, ImportField>(
  MEMBER_IMPORT_COLUMNS.flatMap((c): Array<[string, ImportField]> => [
    [normaliseName(c.header), c.field],
    [normaliseName(c.field), c.field],
  ]),
);

export function fieldOfHeader(header: string): ImportField | undefined {
  return HEADER_INDEX.get(normaliseName(header));
}

/** Vietnamese labels of the disadvantaged categories (folded), besides their codes. */
const DISADVANTAGED_LABELS = new Map<string, DisadvantagedCategory>([
  ['ho ngheo', 'poor'],
  ['ngheo', 'poor'],
  ['can ngheo', 'near_poor'],
  ['ho can ngheo', 'near_poor'],
  ['song mot minh', 'living_alone'],
  ['khuyet tat', 'disability'],
  ['bao tro xa hoi', 'social_allowance'],
  ['phu nu don than hoac goa', 'single_or_widowed_woman'],
  ['phu nu don than', 'single_or_widowed_woman'],
  ['phu nu goa', 'single_or_widowed_woman'],
  ['can cham soc tai nha', 'needs_home_care'],
]);

/** A category code or Vietnamese label as its code; anything else is returned as is (and fails validation). */
export function disadvantagedCategoryOf(value: string): string {
  const folded = normaliseName(value);
  if ((DISADVANTAGED_CATEGORIES as readonly string[]).includes(folded)) return folded;
  return DISADVANTAGED_LABELS.get(folded) ?? value.trim();
}

export function roleOf(value: string): MembershipRole | string {
  return normaliseName(value).replace(/ /g, '_');
}
