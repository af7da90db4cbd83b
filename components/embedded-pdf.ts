// PDFs a page shows inside itself rather than links to: the frame of an <embed>/<object>/<iframe>
// holding the browser's PDF viewer (its document is the PDF), and pdf.js viewer frames
// (…/viewer.html?file=…).
import type { Attachment } from '@/lib/report';
import { hostOf } from './gateway';

/**
 * The PDF a pdf.js viewer frame shows (viewer.html?file=…), as an absolute http(s) address; null
 * when the frame is no such viewer.
 */
export function viewerFileOf(frameUrl: string): string | null {
  try {
    const u = new URL(frameUrl);
    const file = u.searchParams.get('file');
    if (!file || (!/\.pdf(?:$|[?#])/i.test(file) && !/viewer\.html?$/i.test(u.pathname))) return null;
    const target = new URL(file, u);
    return hostOf(target.href) ? target.href : null;
  } catch {
    return null;
  }
}

export interface FrameSeen {
  frameId: number;
  contentType: string;
  url: string;
}

/** The PDFs the page's subframes show, once each, as attachments (kind pdf, named by the file). */
export function embeddedPdfs(frames: FrameSeen[]): Attachment[] {
  const out: Attachment[] = [];
  for (const f of frames) {
    if (f.frameId === 0) continue;
    const href = f.contentType === 'application/pdf' ? f.url : viewerFileOf(f.url);
    if (href && hostOf(href) && !out.some((a) => a.href === href)) out.push({ text: fileTitle(href), href, kind: 'pdf' });
  }
  return out;
}

function fileTitle(href: string): string {
  try {
    const path = new URL(href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || href;
  } catch {
    return href;
  }
}
