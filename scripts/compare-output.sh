#!/usr/bin/env bash
# Shows that an optimisation changed no byte of the output: builds the sample site and a generated
# 1,000-review corpus with a baseline `verdict` binary and with the current release build, then diffs.
#
#   scripts/compare-output.sh /path/to/baseline/verdict [baseline-themes]
#
# When the optimisation touched the default theme too, pass the baseline's own themes folder, e.g.
#   git archive <commit> Themes | tar -x -C /tmp/base && scripts/compare-output.sh <bin> /tmp/base/Themes
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=${1:?usage: scripts/compare-output.sh /path/to/baseline/verdict [baseline-themes]}
baseline_themes=${2:-Themes}
swift build -c release --product verdict >/dev/null
current=$PWD/.build/release/verdict
work=.build-bench/compare
rm -rf "$work" && mkdir -p "$work"
"$current" generate-corpus --output "$work/corpus" --reviews 1000 --snapshots 24 --models 500 >/dev/null
status=0
for site in "Content:sample" "$work/corpus:corpus"; do
  content=${site%%:*} name=${site##*:}
  "$baseline" build --content "$content" --output "$work/$name-baseline" --themes "$baseline_themes" >/dev/null 2>&1
  "$current" build --content "$content" --output "$work/$name-current" --themes Themes >/dev/null 2>&1
  if diff -r "$work/$name-baseline" "$work/$name-current" >/dev/null; then
    echo "$name: identical ($(find "$work/$name-current" -type f | wc -l) files)"
  else
    echo "$name: DIFFERENT"; diff -rq "$work/$name-baseline" "$work/$name-current" | head; status=1
  fi
done
exit $status
