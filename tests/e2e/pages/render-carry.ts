// Writes carry-2021.html and carry-2022.html beside this file: two reports of one agency in
// consecutive years whose carried-over applications disagree (2021's 四、结转下年度继续办理 is 1 in
// 自然人 and 总计, 2022's 二、上年结转 is 2), for the collection's cross-year check (X-T3-CARRY).
//   npx tsx tests/e2e/pages/render-carry.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t3DataRows } from '../../../lib/spec';
import { t3Html } from '../../unit/helpers/t3-html';

const HERE = dirname(fileURLToPath(import.meta.url));
const AGENCY = '青石镇人民政府';

/** np and total per row; the five legal-person columns stay 0 */
function page(year: number, np: Record<string, number>): string {
  const rows: Record<string, number[]> = {};
  for (const r of t3DataRows('F2021')) {
    const v = np[r.id] ?? 0;
    rows[r.id] = [v, 0, 0, 0, 0, 0, v];
  }
  return t3Html({ format: 'F2021', rows })
    .replace('<head>', '<head><meta charset="utf-8">')
    .replace('某县某局2022年', `${AGENCY}${year}年`);
}

// 2021: 3 new, 2 answered, 1 carried out. 2022: 2 carried in (≠ 1), 1 new, 3 answered.
writeFileSync(join(HERE, 'carry-2021.html'), page(2021, { new: 3, r1_open: 2, r7_total: 2, carry_out: 1 }));
writeFileSync(join(HERE, 'carry-2022.html'), page(2022, { new: 1, carry_in: 2, r1_open: 3, r7_total: 3 }));
