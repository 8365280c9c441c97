// jieba-wasm's web build inside a dedicated worker. `init` fetches, compiles and instantiates
// the wasm; jieba-rs builds its dictionary lazily, so the first cut() of a short sentence is
// part of getting ready (reported apart as dictMs).
import init, { cut } from '/jieba-wasm/jieba_rs_wasm.js';

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    const t0 = performance.now();
    await init();
    const t1 = performance.now();
    cut('中华人民共和国武汉市长江大桥', true);
    const t2 = performance.now();
    self.postMessage({ type: 'ready', initMs: t1 - t0, dictMs: t2 - t1, workerMs: t2 });
  } else if (m.type === 'cut') {
    try {
      let tokens = 0;
      const t0 = performance.now();
      if (m.mode === 'paragraphs') {
        for (const para of m.text.split('\n')) if (para) tokens += cut(para, true).length;
      } else {
        tokens = cut(m.text, true).length;
      }
      const ms = performance.now() - t0;
      self.postMessage({ type: 'cut', id: m.id, ms, tokens, chars: m.text.length });
    } catch (err) {
      self.postMessage({ type: 'cut', id: m.id, error: String(err && err.stack || err) });
    }
  }
};
