// The kinds of file the CLI reads (cli/read-source.ts), by extension: what a directory walk takes.
// A file named on the command line is read whatever its name; in a directory, other files
// (images, spreadsheets, scripts …) are passed over and counted in the summary.
export const READABLE_EXTENSIONS: readonly string[] = ['html', 'htm', 'shtml', 'txt', 'pdf', 'docx', 'doc'];

const EXTENSION = /\.([^./\\]+)$/;

/** true when a directory walk should read this file. */
export function isReadablePath(path: string): boolean {
  const ext = EXTENSION.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && READABLE_EXTENSIONS.includes(ext);
}
