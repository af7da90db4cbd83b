// Copies the official formats from ../shared/spec/templates.json into lib/spec/templates.json,
// keeping every label, alias, cell id and rule, and dropping the long evidence prose that the
// code never reads, but for an official rule's (it stays in the shared spec). Run after the shared spec changes:
//   node scripts/gen-spec.mjs [path/to/templates.json]
import { readFileSync, writeFileSync } from 'node:fs';

const src = process.argv[2] ?? new URL('../../shared/spec/templates.json', import.meta.url);
const spec = JSON.parse(readFileSync(src, 'utf8'));
const DROP = new Set(['evidence', 'note', 'provenance', 'priority', 'corner_note_layout', 'layout',
  'header_layout', 'results_block_rowspan', 'cell_id_pattern', 'cell_type', 'virtual_columns',
  'notice', 'template_title', 'issued', 'data_rows_count', 'header_label']);

// an official rule keeps its evidence: the review sheet quotes the words the rule rests on
const keepsEvidence = (obj) => typeof obj.op === 'string' && typeof obj.source === 'string' && obj.source.startsWith('official');

function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (!DROP.has(k) || (k === 'evidence' && keepsEvidence(value))) out[k] = strip(v);
    return out;
  }
  return value;
}

const out = {
  version: spec.version,
  value_parsing: spec.value_parsing,
  format_detection: spec.format_detection,
  formats: strip(spec.formats),
  cross_year_rules: strip(spec.cross_year_rules),
};
writeFileSync(new URL('../lib/spec/templates.json', import.meta.url), JSON.stringify(out) + '\n');
console.log('lib/spec/templates.json written');
