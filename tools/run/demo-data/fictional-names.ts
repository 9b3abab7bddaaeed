// Made-up names in the styles of Trà Cú (Kinh and Khmer families): combinations drawn at random, so any
// likeness to a real person is chance. No real person's data is in the demo.
import { SeededRandom } from './seeded-random';

const KINH_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Dương', 'Lý'];
const KHMER_FAMILY = ['Thạch', 'Sơn', 'Kim', 'Danh', 'Lâm', 'Triệu', 'Thạch Thị', 'Sơn Thị'];
const WOMEN_MIDDLE = ['Thị', 'Ngọc', 'Kim', 'Thu', 'Mỹ'];
const MEN_MIDDLE = ['Văn', 'Hữu', 'Minh', 'Quốc', 'Thanh'];
const WOMEN_GIVEN = ['Lan', 'Hoa', 'Mai', 'Hương', 'Thảo', 'Ngân', 'Sa Rết', 'Sóc Kha', 'Phol', 'Sa Ly', 'Đào', 'Liên', 'Yến', 'Thúy', 'Chanh Thy'];
const MEN_GIVEN = ['Hùng', 'Dũng', 'Phước', 'Sang', 'Sa Rinh', 'Sóc', 'Pha', 'Rê', 'Tâm', 'Lực', 'Cường', 'Thuận', 'Hên', 'Khên', 'Chanh'];

export function fictionalName(random: SeededRandom, sex: 'F' | 'M', khmer: boolean): string {
  const families = khmer ? KHMER_FAMILY.filter((f) => sex === 'F' || !f.includes('Thị')) : KINH_FAMILY;
  const family = random.pick(families);
  const middle = random.pick(sex === 'F' ? WOMEN_MIDDLE : MEN_MIDDLE);
  const given = random.pick(sex === 'F' ? WOMEN_GIVEN : MEN_GIVEN);
  // "Thạch Thị" already carries the middle name.
  return family.includes(' ') ? `${family} ${given}` : `${family} ${middle} ${given}`;
}
