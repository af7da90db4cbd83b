// word-extractor 1.0.4 ships no types; the tests use it as the oracle of a .doc's text.
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
}
