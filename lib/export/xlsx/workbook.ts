// The package around the sheets: content types, relationships, workbook, styles, shared
// strings, and per sheet with notes its comments part and VML drawing; then zipped.
import { SharedStrings, Sheet, commentsXml, printTitles, sheetXml, vmlBlocks, vmlXml } from './sheet';
import { Styles } from './styles';
import { xmlAttr, xmlText } from './xml';
import { zip, type ZipEntry } from './zip';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Characters Excel forbids in sheet names; names are at most 31 characters. */
const SHEET_NAME_BAD = /[\\/?*[\]:]/;

function checkNames(sheets: readonly Sheet[]): void {
  if (sheets.length === 0) throw new Error('xlsx: a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || SHEET_NAME_BAD.test(s.name) || /^'|'$/.test(s.name)) throw new Error(`xlsx: invalid sheet name ${JSON.stringify(s.name)}`);
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new Error(`xlsx: two sheets named ${JSON.stringify(s.name)}`);
    seen.add(key);
  }
}

export async function writeWorkbook(sheets: readonly Sheet[], compress = true): Promise<Uint8Array> {
  checkNames(sheets);
  const styles = new Styles();
  const strings = new SharedStrings();
  const enc = new TextEncoder();
  const parts: ZipEntry[] = [];
  const add = (name: string, xml: string) => parts.push({ name, data: enc.encode(xml) });
  const overrides: string[] = [];
  const sheetParts: ZipEntry[] = [];
  let comments = 0;
  let block = 1;

  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const notes = sheet.notes();
    const xml = sheetXml(sheet, styles, strings, notes.length > 0);
    sheetParts.push({ name: `xl/worksheets/sheet${n}.xml`, data: enc.encode(xml) });
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT}.worksheet+xml"/>`);
    if (!notes.length) return;
    comments++;
    sheetParts.push({ name: `xl/comments${comments}.xml`, data: enc.encode(commentsXml(notes)) });
    sheetParts.push({ name: `xl/drawings/vmlDrawing${comments}.vml`, data: enc.encode(vmlXml(notes, block)) });
    block += vmlBlocks(notes.length);
    overrides.push(`<Override PartName="/xl/comments${comments}.xml" ContentType="${CT}.comments+xml"/>`);
    sheetParts.push({
      name: `xl/worksheets/_rels/sheet${n}.xml.rels`,
      data: enc.encode(
        HEAD +
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${comments}.vml"/>` +
          `<Relationship Id="rId2" Type="${REL}/comments" Target="../comments${comments}.xml"/>` +
          '</Relationships>',
      ),
    });
  });

  add(
    '[Content_Types].xml',
    HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
      overrides.join('') +
      '</Types>',
  );
  add(
    '_rels/.rels',
    HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
  );
  const titles = sheets.flatMap((s, i) => {
    const ref = printTitles(s);
    return ref ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(ref)}</definedName>`] : [];
  });
  add(
    'xl/workbook.xml',
    HEAD +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets>' +
      (titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '') +
      '</workbook>',
  );
  const k = sheets.length;
  add(
    'xl/_rels/workbook.xml.rels',
    HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${k + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${k + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
  );
  parts.push(...sheetParts);
  // styles and strings are complete only once every sheet is written
  add('xl/styles.xml', styles.xml());
  add('xl/sharedStrings.xml', strings.xml());
  return zip(parts, compress);
}
