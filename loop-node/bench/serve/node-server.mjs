// The peer: the same handler modules under Node's own http server, adapted to the handler
// contract (request: method, path, query, headers, body with text()/json(); response: an object
// as JSON, a string, or {status, headers, body}). Usage: node node-server.mjs PORT NAME=FILE...
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const port = Number(process.argv[2]);
const handlers = new Map();
for (const spec of process.argv.slice(3)) {
  const [name, file] = spec.split('=');
  handlers.set(name, (await import(pathToFileURL(resolve(file)).href)).default);
}

function toResponse(value) {
  if (value === undefined || value === null) return [204, {}, ''];
  if (typeof value === 'string') return [200, { 'content-type': 'text/plain; charset=utf-8' }, value];
  if (typeof value === 'object' && (typeof value.status === 'number' || 'body' in value)) {
    const body = typeof value.body === 'string' ? value.body : JSON.stringify(value.body ?? null);
    return [value.status ?? 200, { 'content-type': 'application/json', ...value.headers }, body];
  }
  return [200, { 'content-type': 'application/json' }, JSON.stringify(value)];
}

let next = 0;
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const m = /^\/h\/([^/]+)(\/.*)?$/.exec(url.pathname);
  const handler = m && handlers.get(m[1]);
  if (!handler) { res.writeHead(404).end(); return; }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    const request = {
      method: req.method, path: m[2] ?? '/', headers: req.headers,
      query: Object.fromEntries(url.searchParams), body,
      text: async () => body.toString('utf8'), json: async () => JSON.parse(body.toString('utf8')),
    };
    const ctx = { invocationId: String(++next), handler: m[1], log: console.log };
    try {
      const [status, headers, out] = toResponse(await handler(request, ctx));
      res.writeHead(status, headers).end(out);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(err) }));
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`node serving on ${port}`));
