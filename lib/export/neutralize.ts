// Formula neutralisation (DESIGN §7): a spreadsheet runs a text cell that starts with one of
// these characters as a formula (CSV injection), so every text field written by any export
// shape goes through `neutralize`. Numbers the core parsed (cell.value) are written as JS
// numbers and never touched: -8 must stay the number -8, not become the text '-8.

/** First characters Excel, WPS and LibreOffice treat as a formula or DDE start (OWASP list). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A field of an export line: a text, a parsed number, or nothing (written as an empty field). */
export type Field = string | number | null;

/** Prefix a text with an apostrophe when a spreadsheet would read it as a formula. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The one place fields are made safe: texts neutralised, numbers as they are, null → ''. */
export function safeField(field: Field): string | number {
  if (field === null) return '';
  if (typeof field === 'number') return field;
  return neutralize(field);
}
