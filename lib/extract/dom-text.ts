// The text of a DOM subtree as a reader sees its lines, without innerText (it forces layout, and
// linkedom has none) and without recursion (a hostile page nests thousands of elements deep).
// The walk uses firstChild/nextSibling/parentNode: O(1) steps in browsers and linkedom, and no
// per-element array the way childNodes is built in linkedom.

/** Elements whose content is never page text. */
export const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'object', 'iframe', 'svg', 'select']);

/** Elements that start and end a line (what the renderer would lay out as blocks). */
export const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th',
  'table', 'thead', 'tbody', 'tfoot', 'caption', 'blockquote', 'pre', 'center', 'section', 'article',
  'header', 'footer', 'nav', 'aside', 'main', 'address', 'figure', 'figcaption', 'form', 'fieldset',
  'hr', 'body', 'html',
]);

export interface TextOptions {
  /** stop once this many characters are collected (the result is cut to it) */
  cap: number;
  /** leave out the text of <table> elements inside the root (a cell's own text) */
  skipTables?: boolean;
}

/**
 * Tag name (lower case in HTML documents). Word's <o:p> is 'o:p' in browsers and linkedom, but
 * happy-dom splits it into prefix 'o' and local name 'p': the prefix is put back so it is not
 * read as a paragraph.
 */
export function tagOf(el: Element): string {
  const name = el.localName ?? '';
  return name === 'p' && el.prefix ? `${el.prefix}:p` : name;
}

/** The node after `node` and its subtree in document order, inside `root`; null past its end. */
export function nextAfter(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n !== null && n !== root; n = n.parentNode) {
    if (n.nextSibling !== null) return n.nextSibling;
  }
  return null;
}

/**
 * Text nodes appended as they are, <br> as '\n', a '\n' between block elements where no white
 * space already separates their text (no leading or trailing newline is invented). Untrimmed, at
 * most `cap` characters.
 */
export function nodeText(root: Node, opts: TextOptions): string {
  const { cap } = opts;
  const skipTables = opts.skipTables === true;
  // most cells hold one text node or nothing: no walk
  const first = root.firstChild;
  if (first === null) return '';
  if (first.nodeType === 3 && first.nextSibling === null) {
    const data = (first as CharacterData).data;
    return data.length > cap ? data.slice(0, cap) : data;
  }
  let out = '';
  let len = 0;
  // a block boundary waits for the next text, and needs a '\n' only where no white space separates
  let lastSpace = true;
  let pendingBreak = false;
  let node: Node | null = first;
  while (node !== null && len < cap) {
    let down: Node | null = null;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      const data = (node as CharacterData).data;
      if (data.length > 0) {
        if (pendingBreak && !lastSpace && !isSpace(data.charCodeAt(0))) {
          out += '\n';
          len++;
        }
        pendingBreak = false;
        const room = cap - len;
        if (room <= 0) break;
        const piece = data.length > room ? data.slice(0, room) : data;
        out += piece;
        len += piece.length;
        lastSpace = isSpace(piece.charCodeAt(piece.length - 1));
      }
    } else if (type === 1) {
      const tag = tagOf(node as Element);
      if (tag === 'br') {
        out += '\n';
        len++;
        lastSpace = true;
        pendingBreak = false;
      } else {
        // a skipped nested table still separates the text around it
        if (BLOCK.has(tag)) pendingBreak = true;
        if (!NEVER_TEXT.has(tag) && !(skipTables && tag === 'table')) down = node.firstChild;
      }
    }
    if (down !== null) {
      node = down;
      continue;
    }
    // next node in document order, leaving finished elements (a block's end is a boundary)
    while (node !== null && node !== root) {
      const next: Node | null = node.nextSibling;
      if (next !== null) {
        node = next;
        break;
      }
      node = node.parentNode;
      if (node !== null && node !== root && node.nodeType === 1 && BLOCK.has(tagOf(node as Element))) pendingBreak = true;
    }
    if (node === root) break;
  }
  return len > cap ? out.slice(0, cap) : out;
}

/** White space that already separates words: ASCII, NBSP, U+3000. */
function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000;
}

/**
 * The last characters of a subtree's text (what stands just before whatever follows it), walking
 * backwards so a long element costs only its tail. Blocks and <br> become ' ': the result is for
 * normalizeText. Tables inside are left out (their tail is figures, not a title).
 */
export function tailText(root: Node, cap: number): string {
  const type = root.nodeType;
  if (type === 3 || type === 4) {
    const data = (root as CharacterData).data;
    return data.length > cap ? data.slice(data.length - cap) : data;
  }
  const parts: string[] = [];
  let len = 0;
  let node: Node | null = root.lastChild;
  while (node !== null && len < cap) {
    let down: Node | null = null;
    const t = node.nodeType;
    if (t === 3 || t === 4) {
      const data = (node as CharacterData).data;
      const piece = data.length > cap - len ? data.slice(data.length - (cap - len)) : data;
      parts.push(piece);
      len += piece.length;
    } else if (t === 1) {
      const tag = tagOf(node as Element);
      if (tag === 'br' || BLOCK.has(tag)) {
        parts.push(' ');
        len++;
      }
      if (!NEVER_TEXT.has(tag) && tag !== 'table') down = node.lastChild;
    }
    if (down !== null) {
      node = down;
      continue;
    }
    while (node !== null && node !== root) {
      const prev: Node | null = node.previousSibling;
      if (prev !== null) {
        node = prev;
        break;
      }
      node = node.parentNode;
    }
    if (node === root) break;
  }
  return parts.reverse().join('');
}

/**
 * The page's text for narrative reading: one line per block or <br>, each line normalised
 * (normalizeText), empty lines dropped, at most `cap` characters in all.
 */
export function visibleText(root: Node, cap: number, normalize: (s: string) => string): string {
  const lines: string[] = [];
  let total = 0;
  let line = '';
  const flush = (): void => {
    if (line === '') return;
    const t = normalize(line);
    line = '';
    if (t === '') return;
    const room = cap - total;
    lines.push(t.length > room ? t.slice(0, room) : t);
    total += t.length + 1;
  };
  let node: Node | null = root.firstChild;
  while (node !== null && total < cap) {
    let down: Node | null = null;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      const data = (node as CharacterData).data;
      // raw text shrinks when white space folds: twice the room left is plenty for any line
      const room = 2 * (cap - total) + 1024 - line.length;
      line += data.length > room ? data.slice(0, Math.max(room, 0)) : data;
    } else if (type === 1) {
      const tag = tagOf(node as Element);
      if (tag === 'br') flush();
      else if (!NEVER_TEXT.has(tag)) {
        if (BLOCK.has(tag)) flush();
        down = node.firstChild;
      }
    }
    if (down !== null) {
      node = down;
      continue;
    }
    while (node !== null && node !== root) {
      const next: Node | null = node.nextSibling;
      if (next !== null) {
        node = next;
        break;
      }
      node = node.parentNode;
      if (node !== null && node.nodeType === 1 && BLOCK.has(tagOf(node as Element))) flush();
    }
    if (node === root) break;
  }
  flush();
  return lines.join('\n');
}
