// Shudu's first moment: start the first analysis worker while the page's own code is still
// loading, so that its engine is built by the time the page can use it. That worker fetches
// the dictionary itself (static/worker-boot.js) and later shares it with the page for the
// other workers. The page (src/pool/mod.rs) adopts what is started here:
//   self.shuduBoot = { workers: [Worker] }
// Anything a worker says before the page listens is kept in worker.early (a failure to start
// as {type: 'startFailed', error}, the shape src/protocol/message.rs reads).
(function () {
  'use strict';
  var boot = { workers: [] };
  self.shuduBoot = boot;
  var worker;
  try {
    worker = new Worker('worker-boot.js', { name: 'shudu-first' });
  } catch (e) {
    return; // the page starts its own worker and reports any failure
  }
  worker.early = [];
  worker.onmessage = function (e) { worker.early.push(e.data); };
  worker.onerror = function (e) { e.preventDefault(); worker.early.push({ type: 'startFailed', error: String(e.message || 'unknown error') }); };
  boot.workers.push(worker);
})();
