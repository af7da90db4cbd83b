// A small read-only DOM for the command line: what lib/extract reads of a page (element names and
// attributes, text, the first/next/parent links, the title and the body) and nothing else. Built
// from htmlparser2's events, as linkedom builds its DOM, so a page gets the same tree (the same
// implied end tags, raw text in <script>/<style>, entities decoded), without linkedom's cost per
// node: every node it creates is an EventTarget kept in one process-wide WeakMap, and a profile of
// the CLI spent more time there and in the garbage collector than in extraction, recognition and
// checks together (README, Benchmark).
import { Parser } from 'htmlparser2';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const COMMENT = 8;
const DOCUMENT = 9;

/** The node after `node` and its subtree in document order, inside `root`; null past its end. */
export function nextAfter(node: LiteNode, root: LiteNode): LiteNode | null {
  for (let n: LiteNode | null = node; n !== null && n !== root; n = n.parentNode) {
    if (n.nextSibling !== null) return n.nextSibling;
  }
  return null;
}

abstract class LiteNode {
  abstract readonly nodeType: number;
  parentNode: LiteParent | null = null;
  previousSibling: LiteNode | null = null;
  nextSibling: LiteNode | null = null;

  get firstChild(): LiteNode | null {
    return null;
  }

  get lastChild(): LiteNode | null {
    return null;
  }

  get nextElementSibling(): LiteElement | null {
    let n = this.nextSibling;
    while (n !== null && n.nodeType !== ELEMENT) n = n.nextSibling;
    return n as LiteElement | null;
  }

  get textContent(): string {
    return '';
  }
}

class LiteCharacterData extends LiteNode {
  constructor(
    readonly nodeType: number,
    public data: string,
  ) {
    super();
  }

  override get textContent(): string {
    return this.data;
  }
}

abstract class LiteParent extends LiteNode {
  private first: LiteNode | null = null;
  private last: LiteNode | null = null;

  override get firstChild(): LiteNode | null {
    return this.first;
  }

  override get lastChild(): LiteNode | null {
    return this.last;
  }

  get firstElementChild(): LiteElement | null {
    let n = this.first;
    while (n !== null && n.nodeType !== ELEMENT) n = n.nextSibling;
    return n as LiteElement | null;
  }

  append(node: LiteNode): void {
    node.parentNode = this;
    node.previousSibling = this.last;
    if (this.last === null) this.first = node;
    else this.last.nextSibling = node;
    this.last = node;
  }

  /** Text of the subtree, without recursion (a hostile page nests thousands deep). */
  override get textContent(): string {
    let out = '';
    for (let node = this.first; node !== null; node = node.firstChild ?? nextAfter(node, this)) {
      if (node.nodeType === TEXT || node.nodeType === CDATA) out += (node as LiteCharacterData).data;
    }
    return out;
  }

  /** The first element of the subtree with this name, in document order. */
  protected find(name: string): LiteElement | null {
    for (let node = this.first; node !== null; node = node.firstChild ?? nextAfter(node, this)) {
      if (node.nodeType === ELEMENT && (node as LiteElement).localName === name) return node as LiteElement;
    }
    return null;
  }
}

export class LiteElement extends LiteParent {
  readonly nodeType = ELEMENT;
  /** linkedom and browsers name Word's <o:p> 'o:p', with no prefix */
  readonly prefix = null;

  constructor(
    readonly localName: string,
    private readonly attributes: Record<string, string>,
  ) {
    super();
  }

  get tagName(): string {
    return this.localName.toUpperCase();
  }

  getAttribute(name: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.attributes, name) ? this.attributes[name]! : null;
  }

  hasAttribute(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.attributes, name);
  }
}

export class LiteDocument extends LiteParent {
  readonly nodeType = DOCUMENT;
  readonly URL = '';

  get documentElement(): LiteElement | null {
    return this.firstElementChild;
  }

  get body(): LiteElement | null {
    const root = this.documentElement;
    if (root === null) return null;
    for (let el = root.firstElementChild; el !== null; el = el.nextElementSibling) if (el.localName === 'body') return el;
    return null;
  }

  get title(): string {
    return this.documentElement === null ? '' : (this.find('title')?.textContent ?? '');
  }
}

/**
 * The page as a LiteDocument. Tag and attribute names are lower case (as browsers read HTML:
 * `colSpan` is `colspan`), and entities are decoded.
 */
export function parseLiteHtml(html: string): LiteDocument {
  const doc = new LiteDocument();
  let node: LiteParent = doc;
  let cdata = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const el = new LiteElement(name, attributes);
        node.append(el);
        node = el;
      },
      onclosetag() {
        node = node.parentNode ?? doc;
      },
      ontext(text) {
        // htmlparser2 may split one text into several events: one text node, as a browser makes
        const last = node.lastChild;
        if (last !== null && last.nodeType === (cdata ? CDATA : TEXT)) (last as LiteCharacterData).data += text;
        else node.append(new LiteCharacterData(cdata ? CDATA : TEXT, text));
      },
      oncomment(data) {
        node.append(new LiteCharacterData(COMMENT, data));
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return doc;
}
