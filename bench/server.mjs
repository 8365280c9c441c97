// A small static server on loopback that compresses like a real one (node's zlib):
// brotli (quality 11, as for precompressed static files) when the browser accepts it,
// else gzip (level 9), else identity. Compressed bodies are cached in memory, so the
// compression cost is paid once and not counted in any timing.
//   /                 dist/ (the built site)
//   /jieba-wasm/      node_modules/jieba-wasm/pkg/web/ (the peer, web build)
//   /bench/           bench/pages/ (the harness pages) and /bench/corpus.txt
// Every response is logged (path, raw bytes, bytes sent, encoding) so a run can sum the
// transfer of one page load.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BENCH, ROOT, CORPUS } from './corpus.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

// The site is served from a copy of dist/ taken at start (bench/corpus/site/), so a build
// running meanwhile cannot change files under a measurement.
export const SITE = path.join(BENCH, 'corpus', 'site');
const MOUNTS = [
  ['/jieba-wasm/', path.join(BENCH, 'node_modules', 'jieba-wasm', 'pkg', 'web')],
  ['/bench/', path.join(BENCH, 'pages')],
  ['/', SITE],
];

/** Copy dist/ to SITE, retrying while dist/ is mid-build (a file index.html names is missing). */
export async function snapshotSite() {
  const dist = path.join(ROOT, 'dist');
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      fs.rmSync(SITE, { recursive: true, force: true });
      fs.cpSync(dist, SITE, { recursive: true, filter: (src) => !src.includes(`${path.sep}.stage`) });
      const html = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/(?:href|src)="\.?\/?([^"#?:]+)"/g)].map((m) => m[1]).filter((r) => !r.startsWith('/'));
      const missing = refs.filter((r) => !fs.existsSync(path.join(SITE, r)));
      if (missing.length === 0 && fs.existsSync(path.join(SITE, 'worker_bg.wasm'))) return SITE;
    } catch { /* dist/ changing under us */ }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('dist/ is incomplete (is a build running, or did it fail?)');
}

export function brotli(buf) {
  return zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
}
export const gzip = (buf) => zlib.gzipSync(buf, { level: 9 });

export async function startServer() {
  const cache = new Map(); // file + encoding -> Buffer
  const log = [];
  const encoded = (file, enc, raw) => {
    const key = `${file}\0${enc}\0${fs.statSync(file).mtimeMs}`;
    if (!cache.has(key)) cache.set(key, enc === 'br' ? brotli(raw) : enc === 'gzip' ? gzip(raw) : raw);
    return cache.get(key);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = null;
    if (url.pathname === '/bench/corpus.txt') file = CORPUS;
    else {
      for (const [prefix, dir] of MOUNTS) {
        if (!url.pathname.startsWith(prefix)) continue;
        const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
        const f = path.join(dir, rel);
        if (f.startsWith(dir) && fs.existsSync(f) && fs.statSync(f).isFile()) file = f;
        break;
      }
    }
    if (!file) {
      log.push({ path: url.pathname, status: 404, raw: 0, sent: 0, encoding: 'identity', t: Date.now() });
      res.writeHead(404); return res.end('not found');
    }
    const ext = path.extname(file);
    const accept = String(req.headers['accept-encoding'] || '');
    const enc = !COMPRESSIBLE.has(ext) || file === CORPUS ? 'identity'
      : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
    // Validators as nginx sends them (ETag from mtime and size, Last-Modified), no Cache-Control:
    // revalidation answers 304 with no body, as a real server does.
    const st = fs.statSync(file);
    const etag = `"${Math.floor(st.mtimeMs / 1000).toString(16)}-${st.size.toString(16)}${enc === 'identity' ? '' : '-' + enc}"`;
    const lastModified = new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString();
    const base = { etag, 'last-modified': lastModified, vary: 'accept-encoding' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, base); res.end();
      log.push({ path: url.pathname, status: 304, raw: 0, sent: 0, encoding: enc, accept, t: Date.now() });
      return;
    }
    const raw = fs.readFileSync(file);
    const body = encoded(file, enc, raw);
    const headers = { ...base, 'content-type': TYPES[ext] || 'application/octet-stream', 'content-length': body.length };
    if (enc !== 'identity') headers['content-encoding'] = enc;
    res.writeHead(200, headers);
    res.end(body);
    log.push({ path: url.pathname, status: 200, raw: raw.length, sent: body.length, encoding: enc, accept, t: Date.now() });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    /** Precompute the compressed forms of every file under a mount (so no timing pays for it). */
    warm(prefix, encs = ['br', 'gzip']) {
      const dir = MOUNTS.find(([p]) => p === prefix)[1];
      for (const n of fs.readdirSync(dir)) {
        const f = path.join(dir, n);
        if (fs.statSync(f).isFile() && COMPRESSIBLE.has(path.extname(f))) for (const e of encs) encoded(f, e, fs.readFileSync(f));
      }
    },
    /** Sizes of every file under a mount: raw, gzip -9 and brotli -11, whatever the browser asks for. */
    sizes(prefix) {
      const dir = MOUNTS.find(([p]) => p === prefix)[1];
      const out = {};
      for (const n of fs.readdirSync(dir).sort()) {
        const f = path.join(dir, n);
        if (!fs.statSync(f).isFile()) continue;
        const raw = fs.readFileSync(f);
        const c = COMPRESSIBLE.has(path.extname(f));
        out[n] = { raw: raw.length, gzip: c ? encoded(f, 'gzip', raw).length : raw.length, br: c ? encoded(f, 'br', raw).length : raw.length };
      }
      return out;
    },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
