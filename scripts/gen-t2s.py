#!/usr/bin/env python3
"""Write crates/core/src/simplified/t2s.tsv: traditional characters and their
simplified forms, one pair a line (traditional, tab, simplified), sorted by
code point, from OpenCC's data/dictionary/TSCharacters.txt (Apache-2.0; its
licence is crates/core/src/simplified/LICENSE-OpenCC and is listed in the
third-party notices).

Only the pairs a character-for-character copy can use are kept: one character
to one character, OpenCC's first (default) candidate, not the character itself
(OpenCC lists an ambiguous character such as 瞭 or 藉 first as itself), both in
the CJK Unified Ideographs block (U+4E00-U+9FFF), so every pair has the same
length in UTF-8 and UTF-16 and a copy keeps all offsets.

  scripts/gen-t2s.py PATH/TO/TSCharacters.txt
"""
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/core/src/simplified/t2s.tsv"


def cjk(c):
    return 0x4E00 <= ord(c) <= 0x9FFF


def main():
    pairs = {}
    for line in pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, values = line.split("\t")
        first = values.split(" ")[0]
        if len(key) == 1 and len(first) == 1 and first != key and cjk(key) and cjk(first):
            pairs[key] = first
    lines = [f"{k}\t{pairs[k]}" for k in sorted(pairs)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} pairs")


main()
