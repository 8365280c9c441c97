// Build the benchmark corpus from the five sample articles in crates/core/testdata/decode/ (the NNN_hash.txt ones):
//   bench/corpus/corpus.txt      about 10 MB: the samples repeated, whole articles, blank line between
//   bench/corpus/batch/NNNN.txt  1,000 articles (~10 MB in all) cut from the corpus at paragraph
//                                boundaries, each with its own heading line so no two are identical.
// Idempotent: rebuilt only when a sample is newer than the corpus (or the corpus is missing).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH, '..');
export const CORPUS_DIR = path.join(BENCH, 'corpus');
export const CORPUS = path.join(CORPUS_DIR, 'corpus.txt');
export const BATCH_DIR = path.join(CORPUS_DIR, 'batch');
export const TARGET_BYTES = 10_000_000;
export const BATCH_FILES = 1000;

const SAMPLES = path.join(ROOT, 'crates', 'core', 'testdata', 'decode');

export function buildCorpus() {
  const names = fs.readdirSync(SAMPLES).filter((n) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(n)).sort();
  if (names.length === 0) throw new Error(`no samples in ${SAMPLES}`);
  const newest = Math.max(...names.map((n) => fs.statSync(path.join(SAMPLES, n)).mtimeMs),
    fs.statSync(fileURLToPath(import.meta.url)).mtimeMs);
  const batchOk = fs.existsSync(path.join(BATCH_DIR, `${String(BATCH_FILES - 1).padStart(4, '0')}.txt`));
  if (fs.existsSync(CORPUS) && batchOk && fs.statSync(CORPUS).mtimeMs >= newest) return describe();

  const samples = names.map((n) => fs.readFileSync(path.join(SAMPLES, n), 'utf8').replace(/\r\n/g, '\n').trim());
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const s = samples[i % samples.length];
    parts.push(s);
    bytes += Buffer.byteLength(s) + 2;
  }
  const text = parts.join('\n\n') + '\n';
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  fs.writeFileSync(CORPUS, text);

  // The batch: cut the corpus into BATCH_FILES pieces of about equal size at line ends.
  fs.rmSync(BATCH_DIR, { recursive: true, force: true });
  fs.mkdirSync(BATCH_DIR, { recursive: true });
  const lines = text.split('\n');
  const per = Buffer.byteLength(text) / BATCH_FILES;
  let file = 0, cur = [], total = 0;
  const flush = () => {
    const head = `第${file + 1}篇（样本${(file % samples.length) + 1}，编号${String(file).padStart(4, '0')}）`;
    fs.writeFileSync(path.join(BATCH_DIR, `${String(file).padStart(4, '0')}.txt`), head + '\n' + cur.join('\n').trim() + '\n');
    file++; cur = [];
  };
  for (const line of lines) {
    cur.push(line);
    total += Buffer.byteLength(line) + 1;
    if (total >= (file + 1) * per && file < BATCH_FILES - 1) flush();
  }
  flush();
  if (file !== BATCH_FILES) throw new Error(`batch: made ${file} files, wanted ${BATCH_FILES}`);
  return describe();
}

function describe() {
  const bytes = fs.statSync(CORPUS).size;
  const batch = fs.readdirSync(BATCH_DIR).filter((n) => n.endsWith('.txt')).sort().map((n) => path.join(BATCH_DIR, n));
  const batchBytes = batch.reduce((a, f) => a + fs.statSync(f).size, 0);
  return { file: CORPUS, bytes, batch, batchBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const c = buildCorpus();
  console.log(`corpus ${c.file}: ${c.bytes} bytes; batch: ${c.batch.length} files, ${c.batchBytes} bytes`);
}
