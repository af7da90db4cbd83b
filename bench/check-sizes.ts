// CI's size gate, after `wxt build`: exit 1 when the content script is over 40 KB or the popup
// (JS + CSS it loads) over 150 KB, minified, 1 KB = 1000 bytes. No browser, no build of its own.
//   npx tsx bench/check-sizes.ts [.output/chrome-mv3]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kb, measureSizes } from './sizes';
import { ROOT } from './bundle';

const dir = process.argv[2] ?? join(ROOT, '.output', 'chrome-mv3');
if (!existsSync(join(dir, 'manifest.json'))) {
  process.stderr.write(`check-sizes: no build at ${dir} (run npx wxt build first)\n`);
  process.exit(1);
}
let failed = false;
for (const e of measureSizes(dir)) {
  const over = e.budgetBytes !== null && e.bytes > e.budgetBytes;
  failed ||= over;
  const budget = e.budgetBytes === null ? 'no budget' : `budget ${kb(e.budgetBytes)}: ${over ? 'OVER' : 'ok'}`;
  process.stdout.write(`${e.entry.padEnd(10)} ${kb(e.bytes).padStart(9)} minified, ${kb(e.gzipBytes).padStart(8)} gzip  (${budget})  ${e.files.join(' ')}\n`);
}
process.exit(failed ? 1 : 0);
