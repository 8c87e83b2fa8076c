#!/usr/bin/env bash
# Judges a speed change by old and new `verdict` binaries run alternately on the 10,000-review corpus
# (this machine drifts by more than most changes gain): a full build (empty output, no cache), then a
# one-review edit (a line appended to reviews/model-7.md before each run, output and cache present).
# Prints wall time, CPU (user + system) and peak RSS of each run, from /usr/bin/time -v.
#
#   scripts/alternate.sh OLD_VERDICT NEW_VERDICT [ROUNDS]     (default 3 rounds; N=1000 for a smaller corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?usage: scripts/alternate.sh old-verdict new-verdict [rounds]} NEW=${2:?new-verdict} ROUNDS=${3:-3}
N=${N:-10000}
WORK=.build-bench/alternate
mkdir -p "$WORK"
corpus=$WORK/corpus-$N
[ -d "$corpus" ] || "$NEW" generate-corpus --output "$corpus" --reviews "$N" --snapshots 24 --models 500 >/dev/null
edited=$corpus/reviews/model-7.md
cp "$edited" "$WORK/model-7.md.orig"
trap 'cp "$WORK/model-7.md.orig" "$edited"' EXIT
timed() {
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || { tail "$WORK/stderr.txt"; exit 1; }
  awk -F': ' '/Elapsed/ { w = $2 } /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { r = int($2 / 1024) }
              END { printf "wall %s  cpu %.2f s  rss %d MB\n", w, u + s, r }' "$WORK/time.txt"
}
for round in $(seq "$ROUNDS"); do
  for which in old new; do
    bin=$OLD; [ "$which" = new ] && bin=$NEW
    rm -rf "$WORK/full-$which" "$WORK/.full-$which.verdict-cache" "$WORK/.full-$which.verdict-reviews"
    printf 'round %s %-3s full build: ' "$round" "$which"; timed "$bin" build --content "$corpus" --output "$WORK/full-$which"
  done
done
for which in old new; do
  bin=$OLD; [ "$which" = new ] && bin=$NEW
  "$bin" build --content "$corpus" --output "$WORK/edit-$which" >/dev/null 2>&1
done
for round in $(seq "$ROUNDS"); do
  for which in old new; do
    bin=$OLD; [ "$which" = new ] && bin=$NEW
    echo "Edited again ($round, $which)." >> "$edited"
    printf 'round %s %-3s one edit:   ' "$round" "$which"; timed "$bin" build --content "$corpus" --output "$WORK/edit-$which"
  done
done
