#!/usr/bin/env python3
"""Finish a Trunk build of Shudu into the offline, private, self-contained product.

Run by Trunk as a post_build hook (Trunk.toml) on its staging directory
($TRUNK_STAGING_DIR, which Trunk then moves to dist/), or by hand on a built directory:
    python3 scripts/postbuild.py [DIR]            (default: dist/)

1. Checks that the site is self-contained: no absolute or external URL in index.html,
   no external url()/@import in the stylesheets, no inline event handlers or style
   attributes (the Content-Security-Policy would block them).
2. Completes the Content-Security-Policy <meta> of index.html: script-src gets the
   SHA-256 of every inline <script> (Trunk injects one that starts the app), style-src
   that of any inline <style>. The placeholder '__SHUDU_INLINE_HASHES__' (or the hashes of
   a previous run) is replaced.
3. Writes sw.js from crates/web/static/sw.js: the list of every file of the build with the SHA-256
   of its bytes, and VERSION = a hash of that list (and of the template), so a new build
   gives a new service worker and a new cache, and an identical build the same.
4. Writes the packaged site, target/shudu-site.zip (one folder, shudu/, holding the same
   files as dist/). Not inside dist/, so the site does not cache a copy of itself.

Under `trunk serve` (its live-reload script is in the page and is rewritten as it is
served, so it cannot be hashed) and in debug builds, steps 2-4 are replaced by a
development mode: no CSP meta, and a sw.js/register-sw.js that remove any service worker
and cache a release build left on the same origin, so the dev server is never shadowed.
"""
import base64
import hashlib
import json
import os
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "crates" / "web" / "static" / "sw.js"
# SHUDU_SITE_ZIP=path writes the zip elsewhere; SHUDU_SITE_ZIP= (empty) writes none.
ZIP = Path(os.environ.get("SHUDU_SITE_ZIP", ROOT / "target" / "shudu-site.zip"))
PLACEHOLDER = "'__SHUDU_INLINE_HASHES__'"


def fail(msg):
    sys.exit(f"postbuild: error: {msg}")


def sri(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def site_files(site: Path):
    """Every file of the site (posix paths relative to it), sw.js and dot-files excluded."""
    out = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = (Path(dirpath) / name).relative_to(site).as_posix()
            if rel != "sw.js":
                out.append(rel)
    return sorted(out)


def check_self_contained(site: Path, html: str):
    html = re.sub(r"(<script\b[^>]*>).*?(</script>)", r"\1\2", html, flags=re.S | re.I)
    for attr, value in re.findall(r"""\s(src|href|action|poster|srcset)\s*=\s*["']([^"']*)["']""", html, re.I):
        if re.match(r"^([a-z][a-z0-9+.-]*:|//|/)", value.strip(), re.I) and not value.startswith("data:"):
            fail(f'index.html has {attr}="{value}": every URL must be relative (the site is served '
                 f"from any path, and loads nothing from elsewhere)")
    if re.search(r"<[a-z][^>]*\s(on[a-z]+|style)\s*=", html, re.I):
        fail("index.html has an inline event handler or style attribute: the CSP blocks them; "
             "use the stylesheet / Rust code instead")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for ref in re.findall(r"""(?:url\(\s*["']?|@import\s+["'])\s*([^"')\s]+)""", text, re.I):
            if re.match(r"^([a-z][a-z0-9+.-]*:|//)", ref, re.I) and not ref.startswith("data:"):
                fail(f"{css.name} refers to {ref}: fonts and images must be local files of the site")


def set_csp(html: str, dev: bool) -> str:
    meta_re = re.compile(r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*""", re.I)
    metas = meta_re.findall(html)
    if len(metas) != 1:
        fail(f"index.html must have exactly one Content-Security-Policy meta (found {len(metas)})")
    if dev:
        return meta_re.sub("", html)
    scripts = [body for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I)
               if not re.search(r"\ssrc\s*=", attrs, re.I)]
    styles = re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S | re.I)
    hashes = {"script-src": [f"'{sri(s.encode())}'" for s in scripts],
              "style-src": [f"'{sri(s.encode())}'" for s in styles]}

    def fill(match):
        content = match.group(2)
        directives = []
        for d in content.split(";"):
            words = [w for w in d.split() if w != PLACEHOLDER and not w.startswith("'sha256-")]
            if words and words[0] in hashes:
                words += hashes[words[0]]
            if words:
                directives.append(" ".join(words))
        return match.group(1) + "; ".join(directives) + match.group(3)

    content_re = re.compile(r"""(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")([^"]*)(")""", re.I)
    html, n = content_re.subn(fill, html)
    if n != 1:
        fail('the CSP meta must read <meta http-equiv="Content-Security-Policy" content="...">')
    return html


DEV_SW = """// Development build (trunk serve / debug): no offline copy. This worker replaces and removes
// any service worker a release build left on this origin and path, with its caches.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  const prefix = `shudu:${self.registration.scope}:`;
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  await self.registration.unregister();
})()));
"""

DEV_REGISTER = """// Development build (trunk serve / debug): no service worker; remove one a release build left.
if ('serviceWorker' in navigator) {
  const scope = new URL('./', location.href).href;
  navigator.serviceWorker.getRegistrations().then((regs) => regs.forEach((r) => {
    if (r.scope === scope) r.unregister();
  }));
  if (window.caches) caches.keys().then((names) => names.forEach((n) => {
    if (n.startsWith(`shudu:${scope}:`)) caches.delete(n);
  }));
}
"""


def write_zip(site: Path, files):
    ZIP.parent.mkdir(parents=True, exist_ok=True)
    tmp = ZIP.with_name(f".{ZIP.name}.{os.getpid()}.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for rel in sorted(files + ["sw.js"]):
            z.write(site / rel, "shudu/" + rel)
    tmp.replace(ZIP)


def main():
    site = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR") or ROOT / "dist")
    index = site / "index.html"
    if not index.is_file():
        fail(f"{index} not found: build the site first")
    html = index.read_text(encoding="utf-8")
    live_reload = "__TRUNK_ADDRESS__" in html or "__TRUNK_WS" in html
    dev = live_reload or os.environ.get("TRUNK_PROFILE", "release") != "release"

    check_self_contained(site, html)
    html = set_csp(html, dev)
    index.write_text(html, encoding="utf-8")

    if dev:
        (site / "sw.js").write_text(DEV_SW, encoding="utf-8")
        (site / "register-sw.js").write_text(DEV_REGISTER, encoding="utf-8")
        print(f"postbuild: development build ({'trunk serve' if live_reload else 'debug'}): "
              "no CSP meta, no service worker, no zip")
        return

    files = site_files(site)
    entries = [[rel, sri((site / rel).read_bytes())] for rel in files]
    template = TEMPLATE.read_text(encoding="utf-8")
    version = hashlib.sha256(
        ("".join(f"{p} {h}\n" for p, h in entries) + template).encode()).hexdigest()[:16]
    for token in ("'__SHUDU_VERSION__'", "__SHUDU_FILES__"):
        if token not in template:
            fail(f"{TEMPLATE} lacks the placeholder {token}")
    listing = "[\n" + ",\n".join("  " + json.dumps(e) for e in entries) + ",\n]"
    sw = template.replace("'__SHUDU_VERSION__'", json.dumps(version).replace('"', "'"))
    sw = sw.replace("__SHUDU_FILES__", listing)
    (site / "sw.js").write_text(sw, encoding="utf-8")
    size = sum((site / f).stat().st_size for f in files)
    packaged = "no zip"
    if str(ZIP) not in ("", "."):
        write_zip(site, files)
        packaged = f"{ZIP} ({ZIP.stat().st_size / 1e6:.1f} MB)"
    print(f"postbuild: {len(files)} files ({size / 1e6:.1f} MB) + sw.js, version {version}; "
          f"CSP completed; {packaged}")


if __name__ == "__main__":
    main()
