#!/usr/bin/env bash
# Shudu, Microsoft Recognizers-Text (Chinese: Percentage, Currency, Dimension) and JioNLP
# (money) on our real-corpus gold, by kind, values compared without units (the rivals name
# currencies in English). Installs the two rivals from PyPI into target/rivals-venv once.
# Not part of scripts/test.sh: it needs the registry the first time.
set -euo pipefail
cd "$(dirname "$0")/../.."
V=target/rivals-venv
if [ ! -x "$V/bin/python" ]; then
    python3 -m venv "$V"
    # jionlp imports emoji's pre-1.0 API.
    "$V/bin/pip" install -q recognizers-text-suite jionlp "emoji<1.0"
fi
cargo build -q --release -p shudu-cli
GOLD=(crates/cli/testdata/real-gold/*.labels.jsonl)
for cmd in "target/release/shudu figures --json" "$V/bin/python bench/rivals/rival.py recognizers" \
    "$V/bin/python bench/rivals/rival.py jionlp"; do
    echo "== $cmd"
    python3 ../shared/eval/score.py --docs ../shared/corpus/real --gold "${GOLD[@]}" --ignore-units --cmd "$cmd" \
        2>/dev/null | grep -E '^(kind|count|date|duration|money|percent|quantity|rank|ALL) '
done
