// A tiny static file server for the examples: the wholesaler's own site, on its own origin.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

/**
 * Serves `mounts` ({ '/kontor/': dir, '/': dir }) on host:port. Paths are resolved inside their
 * mount only (no `..` escapes). Returns the listening server.
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
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      return void res.writeHead(404).end('Not found');
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
