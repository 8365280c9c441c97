#!/usr/bin/env python3
"""Adapters so score.py can run Recognizers-Text (Chinese) and JioNLP on a document:
rival.py recognizers|jionlp FILE -> {"figures": [...]} with start/end/kind/value/unit."""
import json, sys, re
which, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
out = []
def num(v):
    try: return float(str(v).replace(",", "").rstrip("%"))
    except Exception: return None
if which == "recognizers":
    from recognizers_suite import Culture
    import recognizers_suite as rs
    for line_start, line in ((m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)):
        for fn, kind in ((rs.recognize_percentage, "percent"), (rs.recognize_currency, "money"), (rs.recognize_dimension, "quantity")):
            try:
                res = fn(line, Culture.Chinese)
            except Exception:
                continue
            for r in res:
                v = num((r.resolution or {}).get("value"))
                if v is None: continue
                unit = "%" if kind == "percent" else (r.resolution or {}).get("unit")
                out.append({"start": line_start + r.start, "end": line_start + r.end + 1, "text": r.text,
                            "kind": kind, "value": v, "unit": unit})
else:
    import contextlib
    with contextlib.redirect_stdout(sys.stderr):
        import jionlp as jio
    for r in jio.ner.extract_money(text, with_parsing=True):
        d = r.get("detail") or {}
        v = num(d.get("num"))
        if v is None: continue
        out.append({"start": r["offset"][0], "end": r["offset"][1], "text": r["text"], "kind": "money", "value": v, "unit": d.get("case")})
# score.py checks text against span; drop text if it mismatches (recognizers lowercases nothing for CJK, but be safe)
for f in out:
    if text[f["start"]:f["end"]] != f["text"]:
        f.pop("text")
print(json.dumps({"figures": out}, ensure_ascii=False))
