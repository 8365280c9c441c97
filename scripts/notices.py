#!/usr/bin/env python3
"""Write crates/web/static/third-party-notices.txt: the licence texts of every
crate compiled into the site (the web crate's normal dependencies for
wasm32-unknown-unknown), from `cargo metadata` and the license files in each
crate's source. MIT, Apache-2.0 and BSD ask that their notices travel with the
binaries; the site is such a binary.

cargo-about does the same but is a large install (see README: measured); this
is the small script the issue allows instead. Run it after a dependency
changes (scripts/test.sh checks that the file is current).

  scripts/notices.py          # write the file
  scripts/notices.py --check  # exit 1 if the file is not what it would write
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/web/static/third-party-notices.txt"
LICENSE_NAMES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "UNLICENSE", "COPYRIGHT")
# Data tables from other projects, compiled into the engine: (what, licence, licence file).
DATA = [
    (
        "OpenCC (https://github.com/BYVoid/OpenCC), data/dictionary/TSCharacters.txt at commit 5249273a,"
        " as crates/core/src/simplified/t2s.tsv (the one-character pairs, written by scripts/gen-t2s.py)",
        "Apache-2.0",
        ROOT / "crates/core/src/simplified/LICENSE-OpenCC",
    ),
]


def shipped_packages():
    meta = json.loads(
        subprocess.check_output(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", "wasm32-unknown-unknown"],
            cwd=ROOT,
        )
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = next(p["id"] for p in meta["packages"] if p["name"] == "shudu-web")
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        # A proc macro runs on the build machine: neither it nor what it uses is in the site.
        if any("proc-macro" in t["kind"] for t in packages[pid]["targets"]):
            continue
        for dep in nodes[pid]["deps"]:
            # Normal dependencies only: build scripts and proc macros run on the build machine.
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    shipped = [packages[p] for p in seen if packages[p]["source"]]
    # Proc-macro crates are not in the binary.
    shipped = [p for p in shipped if not any("proc-macro" in t["kind"] for t in p["targets"])]
    return sorted(shipped, key=lambda p: (p["name"], p["version"]))


def license_texts(pkg):
    folder = pathlib.Path(pkg["manifest_path"]).parent
    files = sorted(f for f in folder.iterdir() if f.is_file() and f.name.upper().startswith(LICENSE_NAMES))
    if pkg.get("license_file"):
        files.append(folder / pkg["license_file"])
    texts = []
    for f in dict.fromkeys(files):
        try:
            texts.append((f.name, f.read_text(encoding="utf-8", errors="replace").strip()))
        except OSError:
            pass
    return texts


def render():
    lines = [
        "数读 Shudu — third-party notices",
        "",
        "Shudu is MIT-licensed (see LICENSE in its source). The site contains the following crates,",
        "compiled into its WebAssembly; their licence texts and notices follow, each text once with",
        "the crates it comes with.",
        "",
    ]
    packages = shipped_packages()
    by_text = {}
    for p in packages:
        label = f"{p['name']} {p['version']}"
        lines.append(f"- {label}: {p.get('license') or 'see its licence file'}")
        texts = license_texts(p)
        if not texts:
            texts = [("(none)", f"No licence file in the crate; its manifest says: {p.get('license')}.")]
        for name, text in texts:
            by_text.setdefault(" ".join(text.split()), (text, []))[1].append(f"{label} ({name})")
    lines += ["", "It also contains these data tables from other projects:", ""]
    for what, licence, path in DATA:
        lines.append(f"- {what}: {licence}")
        text = path.read_text(encoding="utf-8").strip()
        by_text.setdefault(" ".join(text.split()), (text, []))[1].append(f"{what.split(' (')[0]} data ({path.name})")
    for text, users in by_text.values():
        lines += ["", "=" * 78, "For: " + ", ".join(users), "", text]
    return "\n".join(lines) + "\n"


def main():
    text = render()
    if "--check" in sys.argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run scripts/notices.py", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10))} lines")


main()
