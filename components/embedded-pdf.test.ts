// PDFs shown inside a page: the frames of <embed>/<object>/<iframe> PDFs and pdf.js viewers.
import { describe, expect, it } from 'vitest';
import { embeddedPdfs, viewerFileOf } from './embedded-pdf';

describe('viewerFileOf', () => {
  it("resolves a pdf.js viewer's ?file= against the viewer's address", () => {
    expect(viewerFileOf('https://www.x.gov.cn/pdfjs/web/viewer.html?file=/files/2023nb.pdf')).toBe('https://www.x.gov.cn/files/2023nb.pdf');
    expect(viewerFileOf('https://www.x.gov.cn/pdfjs/web/viewer.html?file=https%3A%2F%2Fcdn.x.cn%2Fa.pdf%3Fv%3D2')).toBe('https://cdn.x.cn/a.pdf?v=2');
    expect(viewerFileOf('https://www.x.gov.cn/viewer.html?file=download.do%3Fid%3D7')).toBe('https://www.x.gov.cn/download.do?id=7');
  });
  it('is null for other frames and for addresses that are not http(s)', () => {
    expect(viewerFileOf('https://www.x.gov.cn/page.html?file=notes.txt')).toBeNull();
    expect(viewerFileOf('https://www.x.gov.cn/viewer.html?file=javascript:alert(1)')).toBeNull();
    expect(viewerFileOf('https://www.x.gov.cn/news.html')).toBeNull();
    expect(viewerFileOf('not a url')).toBeNull();
  });
});

describe('embeddedPdfs', () => {
  it('lists subframes holding a PDF or a viewer, once each, never the top frame', () => {
    const got = embeddedPdfs([
      { frameId: 0, contentType: 'application/pdf', url: 'https://x.gov.cn/top.pdf' },
      { frameId: 3, contentType: 'application/pdf', url: 'https://x.gov.cn/files/%E5%B9%B4%E6%8A%A5.pdf' },
      { frameId: 4, contentType: 'text/html', url: 'https://x.gov.cn/web/viewer.html?file=/files/b.pdf' },
      { frameId: 5, contentType: 'text/html', url: 'https://x.gov.cn/web/viewer.html?file=/files/b.pdf' },
      { frameId: 6, contentType: 'text/html', url: 'https://x.gov.cn/ad.html' },
    ]);
    expect(got).toEqual([
      { text: '年报.pdf', href: 'https://x.gov.cn/files/%E5%B9%B4%E6%8A%A5.pdf', kind: 'pdf' },
      { text: 'b.pdf', href: 'https://x.gov.cn/files/b.pdf', kind: 'pdf' },
    ]);
  });
});
