// A login page where a report was expected: a site that puts its reports behind a login, or an
// expired session redirected to its sign-in form. Asked only of pages that gave no figures, so a
// report page with a login box in its header stays a report.
import { nextAfter, tagOf } from '../extract/dom-text';

const LOGIN_TITLE = /登录|登陆|统一身份认证|身份认证|sign\s*in|log\s*in/i;
/** elements looked at: a login form sits near the top; a long page is not searched to its end */
const MAX_VISITS = 20_000;

export function looksLikeLoginPage(doc: Document, title: string): boolean {
  if (LOGIN_TITLE.test(title)) return true;
  const root = doc.documentElement;
  if (!root) return false;
  let visits = 0;
  for (let node: Node | null = root; node !== null && visits < MAX_VISITS; ) {
    let down: Node | null = null;
    if (node.nodeType === 1) {
      visits++;
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'password') return true;
      if (tag !== 'script' && tag !== 'style' && tag !== 'template') down = el.firstChild;
    }
    node = down ?? nextAfter(node, root);
  }
  return false;
}
