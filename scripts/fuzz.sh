#!/usr/bin/env bash
# Run each cargo-fuzz target for SECONDS (default 60), one after another, seeded
# from the test data. A run over 2 GB of memory (-rss_limit_mb), an input that
# takes over 10 s (-timeout) or a single allocation over 512 MB
# (-malloc_limit_mb) counts as a finding, like a panic; findings are left in
# fuzz/artifacts/TARGET/ and the script exits non-zero.
#   scripts/fuzz.sh 600            # every target, 10 minutes each
#   scripts/fuzz.sh 60 dict decode # only these
# Built with -O: release, as shipped (no overflow checks). Needs `cargo +nightly`
# and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(decode analyze numeral dict)
DATA=crates/core/testdata

if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz (and a nightly toolchain) needed: cargo install cargo-fuzz" >&2
  exit 2
fi

# Seeds: the test data each target reads (copied, so the corpus can grow).
seed() {
  local target=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case $target in
    decode) cp -n "$DATA"/decode/*.* "$DATA"/decode/hostile/*.docx "$DATA"/html-tricky/*.html "$dir"/ ;;
    analyze) cp -n "$DATA"/decode/*_*.txt "$DATA"/html-tricky/empty-comment.html "$dir"/ ;;
    numeral) cut -f1 "$DATA"/numbers.tsv | grep -v '^#' | grep . | split -l 1 - "$dir"/numbers- ;;
    dict) cp -n "$DATA"/dict-hostile/*.dict "$dir"/; head -c 4000 crates/core/data/jieba-dict.txt >"$dir"/head.dict ;;
  esac
}

status=0
for t in "${TARGETS[@]}"; do
  seed "$t"
  echo "== $t: ${SECONDS_EACH}s"
  # `regressions/` holds earlier findings, run first as seeds.
  mkdir -p "fuzz/regressions/$t"
  if ! cargo +nightly fuzz run -O --fuzz-dir fuzz "$t" "fuzz/corpus/$t" "fuzz/regressions/$t" -- \
      -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 \
      -max_len=65536 -print_final_stats=1 2>&1 | tee "fuzz/last-$t.log" | grep -E '^(==|#[0-9]+ +DONE|stat::number_of_executed_units|.*(Test unit written|SUMMARY|panicked))'; then
    status=1
  fi
  if grep -q 'Test unit written' "fuzz/last-$t.log"; then
    status=1
  fi
done
exit $status
