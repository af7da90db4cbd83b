// Where the shared test data lives (../shared beside the clone) and whether it is there.
// Tests that need it say "(needs ../shared)" in their names and skip with a message without it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'corpus', 'truth')) && existsSync(join(SHARED, 'seeds'));

if (!HAS_SHARED) {
  console.warn(`[tests] ${SHARED} not found: tests marked "(needs ../shared)" are skipped.`);
}

export interface Truth {
  file: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  complete: boolean;
  cells: Record<string, number | string | null>;
  findings: { rule: string; cell: string; severity: 'error' | 'warning' | 'any' }[];
}

export function truthFiles(): { name: string; truth: Truth; path: string }[] {
  if (!HAS_SHARED) return [];
  const dir = join(SHARED, 'corpus', 'truth');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const truth = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Truth;
      return { name: f, truth, path: join(SHARED, 'corpus', truth.file) };
    });
}

export function seedPath(stem: string): string {
  return join(SHARED, 'seeds', `${stem}.txt`);
}
