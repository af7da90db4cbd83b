// The `tab/…` surface: what content scripts and the popup tell the background. Validated with
// zod/mini on receipt. (The `page/…` surface, served by the content script, is messages-page.ts.)
import * as z from 'zod/mini';
import { Message, Report } from '@/lib/report';

/**
 * content script → background: a page that looks like a report was read on load. The extract's
 * shape is checked loosely here (analyzeExtract tolerates anything a page can produce); the
 * Report built from it is validated strictly.
 */
const Extract = z.object({
  source: z.string(),
  title: z.string(),
  headings: z.array(z.string()),
  grids: z.array(z.unknown()),
  attachments: z.array(z.unknown()),
  text: z.string(),
  truncated: z.nullable(z.string()),
  /** a file reader's word for the user (a scanned PDF, an encrypted file …) */
  notice: z.optional(z.nullable(Message)),
});

export const PageExtracted = z.object({ type: z.literal('tab/extracted'), extract: Extract });
export type PageExtracted = z.infer<typeof PageExtracted>;

/**
 * popup → background: the extracts the popup just read from every frame of a tab, to be analysed
 * (the popup does not carry the recogniser; the background has it anyway for the badge). Answered
 * with AnalyzedTab; the badge and the tab's stored reports are updated on the way.
 */
export const AnalyzeTab = z.object({
  type: z.literal('tab/analyze'),
  tabId: z.number(),
  frames: z.array(z.object({ frameId: z.number(), extract: Extract })),
});
export type AnalyzeTab = z.infer<typeof AnalyzeTab>;

/** background → popup: one Report per frame that could be analysed, or why none could. */
export const AnalyzedTab = z.object({
  frames: z.array(z.object({ frameId: z.number(), report: Report })),
  error: z.nullable(z.string()),
});
export type AnalyzedTab = z.infer<typeof AnalyzedTab>;

/**
 * an extension page (the popup, the files page) → background: the extract of a report file (an
 * attachment, the PDF in the viewer, a file from disk) to be analysed. No tab is involved: the
 * badge and the tabs' stored reports are left alone. Answered with AnalyzedFile.
 */
export const AnalyzeFile = z.object({ type: z.literal('file/analyze'), extract: Extract });
export type AnalyzeFile = z.infer<typeof AnalyzeFile>;

/** background → extension page: the file's Report, or why there is none. */
export const AnalyzedFile = z.union([z.object({ report: Report }), z.object({ error: z.string() })]);
export type AnalyzedFile = z.infer<typeof AnalyzedFile>;

/**
 * Where the background keeps a tab's Reports by frame, in storage.session (so they outlive a
 * stopped background): the popup reads them there to show a report at once.
 */
export const tabSessionKey = (tabId: number): string => `tab:${tabId}`;

export const TabMessage = z.discriminatedUnion('type', [PageExtracted, AnalyzeTab, AnalyzeFile]);
export type TabMessage = z.infer<typeof TabMessage>;
