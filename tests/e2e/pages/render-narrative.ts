// Writes narrative-2023.html beside this file: a consistent table 3 (3 new applications, all
// answered) in a report whose text says 5 were received, for the narrative check (TEXT-T3-NEW).
//   npx tsx tests/e2e/pages/render-narrative.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t3DataRows } from '../../../lib/spec';
import { t3Html } from '../../unit/helpers/t3-html';

const HERE = dirname(fileURLToPath(import.meta.url));
const np: Record<string, number> = { new: 3, r1_open: 3, r7_total: 3 };
const rows: Record<string, number[]> = {};
for (const r of t3DataRows('F2021')) rows[r.id] = [np[r.id] ?? 0, 0, 0, 0, 0, 0, np[r.id] ?? 0];

const html = t3Html({ format: 'F2021', rows })
  .replace('<head>', '<head><meta charset="utf-8">')
  .replace('某县某局2022年', '白沙镇人民政府2023年')
  .replace('<body>', '<body><h1>白沙镇人民政府2023年政府信息公开工作年度报告</h1><p>（二）依申请公开情况。本年度共收到政府信息公开申请5件，均在法定期限内答复。</p>');
writeFileSync(join(HERE, 'narrative-2023.html'), html);
