// Pack jieba-rs's dictionary (dict.txt: "word freq tag" lines) into Shudu's compact text form,
// crates/core/data/jieba-dict.txt, a columnar layout that compresses well (the site relies on the
// server's compression for it, as for its wasm: ~1.18 MB with brotli, 1.43 MB with gzip):
//   "SHUDU-DICT 3\n" <tag names, space separated> "\n" <count> " " <byte length of the words> "\n"
//   <words, sorted by their UTF-8 bytes, front-coded: the number of chars shared with the previous
//    word (0-9 as '0'..'9') + the rest + "\n">
//   <frequencies: base-32 digits, least significant first, '0'-'9' 'a'-'v' for a digit with more
//    to come and 'A'-'Z' '!' '#' '$' '%' '&' '*' for the last> "\n"
//   <tags: one char per word, '!' + the tag's index> "\n"
// The file is plain ASCII and UTF-8, so servers label it text/plain and compress it.
// Usage: node scripts/pack-dict.mjs [path/to/dict.txt]
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let src = process.argv[2];
if (!src) {
  const meta = JSON.parse(execSync('cargo metadata --format-version 1', { cwd: root, maxBuffer: 1 << 28 }));
  const pkg = meta.packages.find((p) => p.name === 'jieba-rs');
  src = path.join(path.dirname(pkg.manifest_path), 'src/data/dict.txt');
}
const entries = fs.readFileSync(src, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.trim().split(/\s+/));
// Byte order, which the engine's binary searches rely on; a repeated word is an error.
entries.sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
for (let i = 1; i < entries.length; i++) if (entries[i][0] === entries[i - 1][0]) throw new Error(`repeated word ${entries[i][0]}`);
const tags = [...new Set(entries.map((e) => e[2] ?? ''))];
if (tags.length > 94) throw new Error('too many tags for one printable char each');
let prev = [];
const words = [];
for (const [w] of entries) {
  const c = [...w];
  let k = 0;
  while (k < 9 && k < c.length && k < prev.length && c[k] === prev[k]) k++;
  words.push(String(k) + c.slice(k).join(''));
  prev = c;
}
const MORE = '0123456789abcdefghijklmnopqrstuv';
const LAST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';
const freqs = entries.map((e) => {
  let v = Number(e[1] ?? 0), s = '';
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`bad frequency: ${e.join(' ')}`);
  do { const d = v % 32; v = Math.floor(v / 32); s += (v ? MORE : LAST)[d]; } while (v);
  return s;
});
const wordBytes = Buffer.from(`${words.join('\n')}\n`);
const text = Buffer.concat([
  Buffer.from(`SHUDU-DICT 3\n${tags.join(' ')}\n${entries.length} ${wordBytes.length}\n`),
  wordBytes,
  Buffer.from(`${freqs.join('')}\n`),
  Buffer.from(`${entries.map((e) => String.fromCharCode(0x21 + tags.indexOf(e[2] ?? ''))).join('')}\n`),
]);
const out = path.join(root, 'crates/core/data/jieba-dict.txt');
fs.writeFileSync(out, text);
console.log(`${entries.length} words, ${tags.length} tags: ${text.length} bytes → ${out}`);
