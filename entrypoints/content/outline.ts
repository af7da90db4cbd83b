// The outline drawn around a cell the user pointed at in the popup. One at a time; the page's own
// inline style is saved and put back exactly when the outline is removed (when the popup closes).
const ATTR = 'data-gov-report-auditor';

interface Saved {
  el: HTMLElement | SVGElement;
  outline: string;
  outlinePriority: string;
  offset: string;
  offsetPriority: string;
}

let current: Saved | null = null;

export function showOutline(target: Element): void {
  clearOutline();
  const el = target as HTMLElement;
  const s = el.style;
  current = {
    el,
    outline: s.getPropertyValue('outline'),
    outlinePriority: s.getPropertyPriority('outline'),
    offset: s.getPropertyValue('outline-offset'),
    offsetPriority: s.getPropertyPriority('outline-offset'),
  };
  s.setProperty('outline', '3px solid #d9480f', 'important');
  s.setProperty('outline-offset', '-3px', 'important');
  el.setAttribute(ATTR, 'outline');
  // instant, not smooth: a smooth scroll is dropped in a tab the browser is not painting
  el.scrollIntoView({ block: 'center', inline: 'center' });
}

export function clearOutline(): void {
  if (!current) return;
  const { el, outline, outlinePriority, offset, offsetPriority } = current;
  current = null;
  const s = el.style;
  if (outline) s.setProperty('outline', outline, outlinePriority);
  else s.removeProperty('outline');
  if (offset) s.setProperty('outline-offset', offset, offsetPriority);
  else s.removeProperty('outline-offset');
  el.removeAttribute(ATTR);
  if (el.getAttribute('style') === '') el.removeAttribute('style');
}
