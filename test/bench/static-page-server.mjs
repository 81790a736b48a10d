// The start-up benchmark's baseline: a plain Node process serving one static page with the kiosk's own static
// file code and headers (compiled, from dist/main/browser/), printing the same ready line the kiosk prints.
// Plain JavaScript so that node runs it without a TypeScript loader, as the compiled kiosk runs.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, pageDir] = process.argv.slice(2);
const dist = (file) => import(pathToFileURL(path.join(root, 'dist', 'main', 'browser', file)).href);
const { resolveStatic, sendFile } = await dist('static.js');
const { securityHeaders } = await dist('security.js');

const dir = path.resolve(pageDir);
let origin = '';
const server = http.createServer((req, res) => {
  const file = resolveStatic(dir, req.url ?? '/');
  if (!file) return void res.writeHead(404, securityHeaders(origin)).end();
  sendFile(res, file, securityHeaders(origin));
});
server.listen(0, '127.0.0.1', () => {
  origin = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(`KIOSK_URL=${origin}/\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
