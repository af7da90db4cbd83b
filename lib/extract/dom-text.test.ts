// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { nodeText, tagOf, tailText, visibleText } from './dom-text';
import { normalizeText } from './normalize';

const DOMS: [string, (html: string) => Document][] = [
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document],
];

describe.each(DOMS)('dom-text on %s', (_name, parse) => {
  const el = (html: string): Element => parse(`<div id=root>${html}</div>`).querySelector('#root')!;

  describe('nodeText', () => {
    it('breaks lines at <br> and between blocks, never before the first or after the last text', () => {
      expect(nodeText(el('<p>a</p><p>b</p>'), { cap: 100 })).toBe('a\nb');
      expect(nodeText(el('<div><p><span>0</span></p></div>'), { cap: 100 })).toBe('0');
      expect(nodeText(el('x<br>y<br>'), { cap: 100 })).toBe('x\ny\n');
      expect(nodeText(el('<ul><li>1</li><li>2</li></ul>tail'), { cap: 100 })).toBe('1\n2\ntail');
      expect(nodeText(el('in<b>line</b><o:p>&nbsp;</o:p>'), { cap: 100 })).toBe('inline\u00a0');
    });

    it('keeps white space as published', () => {
      expect(nodeText(el('\n  <p>a</p>\n  <p>b</p>\n'), { cap: 100 })).toBe('\n  a\n  b\n');
      expect(nodeText(el('<p>a&nbsp;</p><p>b</p><p>c</p>'), { cap: 100 })).toBe('a\u00a0b\nc');
    });

    it('skips scripts, styles, templates and, when asked, tables', () => {
      const root = el('a<script>s()</script><style>p{}</style><noscript>n</noscript><template>t</template><table><tr><td>c</td></tr></table>b');
      expect(nodeText(root, { cap: 100, skipTables: true })).toBe('a\nb');
      expect(nodeText(root, { cap: 100 })).toBe('a\nc\nb');
    });

    it('stops at the cap', () => {
      expect(nodeText(el('<p>abc</p><p>def</p>'), { cap: 5 })).toBe('abc\nd');
      expect(nodeText(el('<p>abc</p><p>def</p>'), { cap: 4 })).toBe('abc\n');
      expect(nodeText(el('abc<br>def'), { cap: 3 })).toBe('abc');
    });
  });

  describe('tailText', () => {
    it('returns the end of a long subtree, leaving tables out', () => {
      const root = el(`<p>${'x'.repeat(1000)}</p><p>表三<table><tr><td>9</td></tr></table></p>`);
      const tail = tailText(root, 10);
      expect(tail.length).toBeLessThanOrEqual(10);
      expect(normalizeText(tail)).toMatch(/x+ 表三$/);
      expect(tailText(el('a<br>b'), 100)).toBe('a b');
    });
  });

  describe('visibleText', () => {
    it('gives one normalised line per block, without scripts or empty lines', () => {
      const root = el('<h1>标题</h1><p>第一段&nbsp;&nbsp;文字</p><p>&nbsp;</p><script>x()</script><table><tr><td>１</td><td>2</td></tr></table>尾');
      expect(visibleText(root, 1000, normalizeText)).toBe('标题\n第一段 文字\n1\n2\n尾');
    });

    it('stops at the cap, also inside one huge text node', () => {
      const root = el('<p>short</p>');
      root.appendChild(root.ownerDocument.createTextNode('长'.repeat(1_000_000)));
      const text = visibleText(root, 1000, normalizeText);
      expect(text.length).toBeLessThanOrEqual(1000);
      expect(text.startsWith('short\n长长')).toBe(true);
    });
  });

  it("tagOf reads Word's <o:p> as o:p, not as a paragraph", () => {
    const root = el('<o:p>x</o:p><P>y</P>');
    expect(Array.from(root.children).map(tagOf)).toEqual(['o:p', 'p']);
  });
});
