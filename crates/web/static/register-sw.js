// Register the service worker that keeps the whole site for offline use. './sw.js' is
// relative to the page, so this works wherever the site is served from (/, /tools/shudu/).
// Browsers allow service workers only in secure contexts (https://, or http://localhost and
// 127.0.0.1); elsewhere the site still works, it just needs the server each time.
// scripts/postbuild.py replaces this file in builds served by `trunk serve`.
// Registration waits until the analysis engine is ready (or 5 s at most), so that
// caching the site for offline use does not compete with the first start-up.
if ('serviceWorker' in navigator && window.isSecureContext) {
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e) => {
      console.warn('数读: offline copy unavailable (service worker not registered):', e);
    });
  };
  window.addEventListener('load', () => {
    if (document.body.dataset.engine === 'ready') return register();
    let done = false;
    const once = () => { if (!done) { done = true; observer.disconnect(); register(); } };
    const observer = new MutationObserver(() => { if (document.body.dataset.engine === 'ready') once(); });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-engine'] });
    setTimeout(once, 5000);
  });
}
