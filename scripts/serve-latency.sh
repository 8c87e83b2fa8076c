#!/usr/bin/env bash
# Times `verdict serve` from saving a review to the reload event reaching a page (the debounce included),
# the way an editor sees it: a client listens on the live-reload stream, the script appends a line to
# one review and waits for the `reload` event. Then it waits for the background catch-up to finish
# (the server prints a line for it) before the next edit.
#
#   scripts/serve-latency.sh [reviews]     default 10000; corpus in .build-bench/ (S = 24, M = 500)
#   EDITS=7 scripts/serve-latency.sh       edits to time (median reported; default 5)
#   VERDICT=/path/to/verdict scripts/...   time another binary (a baseline) instead of the release build
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
EDITS=${EDITS:-5}
PORT=${PORT:-8391}
WORK=.build-bench
mkdir -p "$WORK"
if [ -z "${VERDICT:-}" ]; then
  swift build -c release --product verdict >/dev/null
  VERDICT=$PWD/.build/release/verdict
fi
corpus=$WORK/corpus-$N
[ -d "$corpus" ] || "$VERDICT" generate-corpus --output "$corpus" --reviews "$N" --snapshots 24 --models 500 >/dev/null
review=$corpus/reviews/model-7.md
cp "$review" "$WORK/serve-model-7.orig"

log=$WORK/serve.log events=$WORK/serve-events.log
"$VERDICT" serve --content "$corpus" --port "$PORT" --themes Themes >"$log" 2>&1 &
server=$!
curl_pid=
cleanup() {
  [ -n "$curl_pid" ] && kill "$curl_pid" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  cp "$WORK/serve-model-7.orig" "$review"
}
trap cleanup EXIT
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
: >"$events"
curl -sN "http://127.0.0.1:$PORT/__verdict/events" >>"$events" &
curl_pid=$!
sleep 1

now_ms() { date +%s%3N; }
times=()
for i in $(seq "$EDITS"); do
  before=$(grep -c '^event: reload' "$events" || true)
  lines=$(wc -l <"$log")
  start=$(now_ms)
  echo "Edit number $i." >>"$review"
  until [ "$(grep -c '^event: reload' "$events" || true)" -gt "$before" ]; do sleep 0.005; done
  times+=($(( $(now_ms) - start )))
  # The catch-up of the other pages runs next; let it finish so edits do not queue behind it.
  for _ in $(seq 1200); do
    tail -n +"$((lines + 1))" "$log" | grep -q "in the background in" && break
    sleep 0.05
  done
  sleep 0.5
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "reviews: $N  edits: ${times[*]} ms  median: $median ms (save to reload event, 50 ms debounce included)"
