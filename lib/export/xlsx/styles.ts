// The workbook's cell styles (xl/styles.xml). A style is a kind of cell (title, header, label,
// figure …), a mark (a finding's severity: red fill for errors, amber for warnings) and, for
// figures printed with a unit (251000元), a number format that shows the unit while the cell
// stays a number. Styles are registered as cells ask for them; index 0 is the default.
import { xmlAttr } from './xml';

export type Mark = 'error' | 'warning';

export type StyleKind =
  /** no border: the lists (report lines, long data, findings) */
  | 'plain'
  /** bold header row of a list */
  | 'listHead'
  /** agency · year line above a table */
  | 'meta'
  /** the table's official title */
  | 'title'
  /** column headers of an official table */
  | 'head'
  /** row labels of an official table */
  | 'label'
  /** a group label spanning rows (三、本年度办理结果): written top to bottom as printed */
  | 'vlabel'
  /** a figure of an official table */
  | 'figure';

/** Fill colours (ARGB): Excel's own "Bad" and "Neutral" cell styles, which readers know. */
export const MARK_FILL: Record<Mark, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
const MARK_FONT: Record<Mark, string> = { error: 'FF9C0006', warning: 'FF9C5700' };
const HEAD_FILL = 'FFF2F2F2';

// fonts: 0 normal, 1 bold, 2 bold 12pt, 3 error, 4 warning
const FONTS = [
  '<font><sz val="11"/><name val="等线"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="12"/><name val="等线"/><family val="2"/><scheme val="minor"/></font>',
  `<font><sz val="11"/><color rgb="${MARK_FONT.error}"/><name val="等线"/><family val="2"/><scheme val="minor"/></font>`,
  `<font><sz val="11"/><color rgb="${MARK_FONT.warning}"/><name val="等线"/><family val="2"/><scheme val="minor"/></font>`,
];
const solid = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
// fills 0 and 1 are required by Excel as they are
const FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', solid(HEAD_FILL), solid(MARK_FILL.error), solid(MARK_FILL.warning)];
const BORDERS = ['<border><left/><right/><top/><bottom/><diagonal/></border>', '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>'];

interface KindLook {
  font: number;
  fill: number;
  border: number;
  align: string;
}
const LOOK: Record<StyleKind, KindLook> = {
  plain: { font: 0, fill: 0, border: 0, align: '' },
  listHead: { font: 1, fill: 2, border: 0, align: '<alignment vertical="center"/>' },
  meta: { font: 1, fill: 0, border: 0, align: '' },
  title: { font: 2, fill: 0, border: 0, align: '<alignment horizontal="center" vertical="center"/>' },
  head: { font: 1, fill: 2, border: 1, align: '<alignment horizontal="center" vertical="center" wrapText="1"/>' },
  label: { font: 0, fill: 0, border: 1, align: '<alignment horizontal="left" vertical="center" wrapText="1"/>' },
  vlabel: { font: 0, fill: 0, border: 1, align: '<alignment horizontal="center" vertical="center" textRotation="255" wrapText="1"/>' },
  figure: { font: 0, fill: 0, border: 1, align: '<alignment horizontal="center" vertical="center"/>' },
};
const MARK_INDEX: Record<Mark, { font: number; fill: number }> = { error: { font: 3, fill: 3 }, warning: { font: 4, fill: 4 } };

/** Units become a literal suffix of the format; quotes and backslashes cannot appear in one. */
function unitFormat(unit: string): string {
  return `General"${unit.replace(/["\\]/g, '')}"`;
}

export class Styles {
  private xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private ids = new Map<string, number>([['plain||', 0]]);
  private fmts = new Map<string, number>();

  /** Style index of a cell of this kind, mark and unit. */
  id(kind: StyleKind, mark?: Mark, unit?: string): number {
    const key = `${kind}|${mark ?? ''}|${unit ?? ''}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const look = LOOK[kind];
    const font = mark ? MARK_INDEX[mark].font : look.font;
    const fill = mark ? MARK_INDEX[mark].fill : look.fill;
    const fmt = unit ? this.format(unit) : 0;
    const attrs = [
      `numFmtId="${fmt}"`, `fontId="${font}"`, `fillId="${fill}"`, `borderId="${look.border}"`, 'xfId="0"',
      fmt ? 'applyNumberFormat="1"' : '', font ? 'applyFont="1"' : '', fill ? 'applyFill="1"' : '', look.border ? 'applyBorder="1"' : '', look.align ? 'applyAlignment="1"' : '',
    ].filter(Boolean);
    this.xfs.push(look.align ? `<xf ${attrs.join(' ')}>${look.align}</xf>` : `<xf ${attrs.join(' ')}/>`);
    this.ids.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  private format(unit: string): number {
    const code = unitFormat(unit);
    let id = this.fmts.get(code);
    if (id === undefined) {
      id = 164 + this.fmts.size; // custom formats start at 164
      this.fmts.set(code, id);
    }
    return id;
  }

  xml(): string {
    const fmts = [...this.fmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '') +
      `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
      `<fills count="${FILLS.length}">${FILLS.join('')}</fills>` +
      `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
