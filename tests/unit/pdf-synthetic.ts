// Small PDFs written byte by byte, for the cases no printer makes on demand: a scanned document
// (pages that are images only), a very long one (300 pages), text at chosen positions. Plain
// PDF 1.4: one standard font (Helvetica, ASCII text only), uncompressed streams, a correct xref.

export interface SyntheticText {
  x: number;
  y: number;
  size?: number;
  text: string;
}

export interface SyntheticPage {
  texts?: SyntheticText[];
  /** draw a grey image over the page (a scan has nothing else) */
  image?: boolean;
}

const enc = new TextEncoder();

function escapePdfString(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

export function makePdf(pages: SyntheticPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  // an 8×8 grey image, drawn at page size: what a scanner's page is to a text reader
  const side = 8;
  const pixels = Array.from({ length: side * side }, (_, i) => ((i * 37) % 200 + 40).toString(16).padStart(2, '0')).join('');
  const image = add(`<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`);
  const kids: number[] = [];
  for (const p of pages) {
    let content = '';
    if (p.image) content += 'q 595 0 0 842 0 0 cm /Im1 Do Q\n';
    for (const t of p.texts ?? []) content += `BT /F1 ${t.size ?? 12} Tf ${t.x} ${t.y} Td (${escapePdfString(t.text)}) Tj ET\n`;
    const stream = add(`<< /Length ${enc.encode(content).length} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(enc.encode(out).length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = enc.encode(out).length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

/** A scan: `n` pages, each one image and no text. */
export function scannedPdf(n: number): Uint8Array {
  return makePdf(Array.from({ length: n }, () => ({ image: true })));
}

/** `n` pages of a few lines of text each. */
export function longPdf(n: number): Uint8Array {
  return makePdf(Array.from({ length: n }, (_, i) => ({ texts: [{ x: 72, y: 760, text: `Appendix page ${i + 1}` }, { x: 72, y: 740, text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' }] })));
}
