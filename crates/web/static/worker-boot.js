// Start-up of an analysis worker (src/worker.rs). Messages that arrive while the engine's
// WebAssembly loads are kept in self.early; the engine takes them when it starts. The
// messages written here have the shapes listed in src/protocol/message.rs (`type`: dictPart,
// dictEnd, dictError to the engine; startFailed to the page).
// The first worker (started by boot.js) fetches the dictionary itself, at once, rather
// than wait for the page's busy main thread to pass it on; the others are sent it.
self.early = [];
self.onmessage = function (e) { self.early.push(e.data); };
if (self.name === 'shudu-first') {
  var deliver = function (data) { self.dispatchEvent(new MessageEvent('message', { data: data })); };
  var failed = function (e) {
    deliver({ type: 'dictError', error: String(e && e.message || e) });
  };
  // The engine unpacks each chunk as it arrives (once its code has loaded, those before);
  // at the end the whole file goes to it too, for the page to share with the other workers.
  fetch('jieba-dict.txt').then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    if (!r.body || typeof r.body.getReader !== 'function') {
      return r.arrayBuffer().then(function (buf) {
        deliver({ type: 'dictPart', part: new Uint8Array(buf) });
        deliver({ type: 'dictEnd', dict: buf });
      });
    }
    var reader = r.body.getReader(), parts = [], size = 0;
    var next = function () {
      return reader.read().then(function (step) {
        if (step.done) {
          var whole = new Uint8Array(size), at = 0;
          parts.forEach(function (p) { whole.set(p, at); at += p.length; });
          return deliver({ type: 'dictEnd', dict: whole.buffer });
        }
        parts.push(step.value);
        size += step.value.length;
        deliver({ type: 'dictPart', part: step.value });
        return next();
      });
    };
    return next();
  }).catch(failed);
}
// The engine's code compiles while worker.js loads (servers that do not label .wasm as
// application/wasm get the slower, non-streaming compile).
var engine = fetch('./worker_bg.wasm').then(function (r) {
  if (!r.ok) throw new Error('cannot load the engine (worker_bg.wasm): HTTP ' + r.status);
  var whole = function () { return r.arrayBuffer().then(function (b) { return WebAssembly.compile(b); }); };
  if (typeof WebAssembly.compileStreaming !== 'function') return whole();
  return WebAssembly.compileStreaming(r.clone()).catch(whole);
});
importScripts('./worker.js');
engine.then(function (module) { return wasm_bindgen({ module_or_path: module }); }).catch(function (e) {
  self.postMessage({ type: 'startFailed', error: String(e && e.message || e) });
});
