// A tiny static file server for the examples: the wholesaler's own site, on its own origin.
// Text files go out brotli- or gzip-compressed when the browser accepts it, as any CDN serves
// them: the demo then shows what a shop really ships (the bundle is ~279 KB as it is, ~70 KB gzipped).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Types worth compressing (images here are already compressed or tiny). */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.map', '.json', '.svg']);

/**
 * The encoding to answer with for an `Accept-Encoding` header: `br` over `gzip`, neither when the
 * browser gives it `q=0` (or names neither and no `*`).
 */
export function chooseEncoding(header = '') {
  const q = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const accepts = (name) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/** Compressed files by path, encoding and modification time: each is compressed once. */
const compressed = new Map();
function compressedFile(file, stat, encoding) {
  const key = `${encoding}:${file}`;
  const hit = compressed.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
  const raw = readFileSync(file);
  const body =
    encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipSync(raw, { level: 9 });
  compressed.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

/**
 * Serves `mounts` ({ '/kontor/': dir, '/': dir }) on host:port. Paths are resolved inside their
 * mount only (no `..` escapes). Text files are sent brotli- or gzip-compressed when the request
 * accepts it (`Content-Encoding`, and `Vary: Accept-Encoding` on every text file). Returns the
 * listening server.
 */
export function startStaticServer({ mounts, host = '127.0.0.1', port = 8080 }) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/shop/' }).end();
      return;
    }
    const mount = entries.find(([prefix]) => url.pathname.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end('Not found');
    const [prefix, dir] = mount;
    const root = resolve(dir);
    let file = resolve(join(root, normalize(decodeURIComponent(url.pathname.slice(prefix.length)))));
    if (!file.startsWith(root)) return void res.writeHead(403).end('Forbidden');
    let stat;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      stat = statSync(file);
    } catch {
      return void res.writeHead(404).end('Not found');
    }
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const encoding = compressible.has(extname(file)) ? chooseEncoding(req.headers['accept-encoding']) : null;
    if (compressible.has(extname(file))) headers.vary = 'Accept-Encoding';
    if (encoding) {
      const body = compressedFile(file, stat, encoding);
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
