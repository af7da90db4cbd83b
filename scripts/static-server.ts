// A tiny static file server on 127.0.0.1 for the end-to-end tests and the demo: URL prefixes mapped
// to directories, nothing else (no directory escapes, GET/HEAD only). HTML is served without a
// charset so that each page's own <meta charset> decides, as on the real sites (many are GBK).
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/** mounts: URL prefix (e.g. '/fixtures/') → directory; missing directories are skipped. */
export async function startStaticServer(mounts: Record<string, string>, opts: { port?: number; index?: string } = {}): Promise<StaticServer> {
  const roots = Object.entries(mounts)
    .filter(([, dir]) => existsSync(dir))
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === '/favicon.ico') {
      // browsers ask for it on every page; a 404 would show as an error in the page's console
      res.writeHead(204).end();
      return;
    }
    if (path === '/' && opts.index) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(opts.index);
      return;
    }
    for (const [prefix, root] of roots) {
      if (!path.startsWith(prefix)) continue;
      let file = resolve(root, `.${sep}${path.slice(prefix.length)}`);
      if (file !== root && !file.startsWith(root + sep)) break;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Files directly under a directory with one of the extensions (for index pages). */
export function listFiles(dir: string, exts = ['.html', '.htm']): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => exts.includes(extname(f).toLowerCase()))
    .sort();
}
