#!/usr/bin/env python3
"""Write crates/core/src/decode/html/named.tsv: the HTML standard's named
character references (2,231 names, WHATWG entities.json), from Python's
html.entities.html5, which is that table. One name per line, sorted by its
bytes, then a tab and the code points it stands for in hex (values include a
tab and a line feed, so they are not written as themselves). Run again when
the standard adds a name (it has not since 2012)."""
import html.entities
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/core/src/decode/html/named.tsv"


def main():
    table = sorted(html.entities.html5.items(), key=lambda kv: kv[0].encode())
    lines = [k + "\t" + " ".join("%x" % ord(c) for c in v) for k, v in table]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{OUT}: {len(table)} names")


main()
