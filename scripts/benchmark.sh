#!/usr/bin/env bash
# Times `verdict build` (release) on generated corpora, and Hugo on the same work (../shared/bench).
#
#   scripts/benchmark.sh              N = 1,000 and 10,000 (S = 24 snapshots, M = 500 models)
#   scripts/benchmark.sh --full       also N = 100,000
#   RUNS=5 scripts/benchmark.sh       runs per measurement (median reported; default 5)
#   SIZES="200" RUNS=1 scripts/benchmark.sh   other corpus sizes (a quick check of the script)
#   BENCH=path scripts/benchmark.sh   where gen_corpus.py of the Hugo comparison is (default ../shared/bench)
#
# Corpora and outputs live in .build-bench/ (git-ignored, safe to delete). Needs /usr/bin/time
# (Debian: time) and, for the comparison, hugo (Debian: hugo) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BENCH=${BENCH:-../shared/bench}
read -r -a SIZES <<< "${SIZES:-1000 10000}"
[ "${1:-}" = "--full" ] && SIZES+=(100000)
WORK=.build-bench
mkdir -p "$WORK"
# Outputs of earlier runs are moved aside and deleted at the end, not just before the next run: ext4
# skips inodes freed in the last minute when it allocates, so deleting 20,000 files right before a build
# added seconds of kernel time to it (and to Hugo's), which a CI machine with a fresh checkout never pays.
TRASH=$WORK/trash
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"' EXIT
aside() { for path in "$@"; do [ -e "$path" ] && mv "$path" "$TRASH/$(basename "$path").$RANDOM$RANDOM"; done; true; }

bash .ci/install-deps
swift build -c release --product verdict >/dev/null
VERDICT=$PWD/.build/release/verdict

# One measurement: runs a command RUNS times (the `prepare` command before each) and prints
# median wall seconds, median CPU seconds (user + sys) and the largest peak RSS in MB.
measure() {
  local prepare=$1; shift
  local walls=() cpus=() rss=0
  for _ in $(seq "$RUNS"); do
    eval "$prepare"
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || { cat "$WORK/stderr.txt"; exit 1; }
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time.txt")")
    cpus+=("$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$WORK/time.txt")")
    local r; r=$(awk -F': ' '/Maximum resident/ { print int($2 / 1024) }' "$WORK/time.txt")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "$wall $cpu $rss"
}

printf '%-8s %-22s %8s %8s %8s %10s\n' reviews run wall_s cpu_s rss_mb pages_s
for n in "${SIZES[@]}"; do
  corpus=$WORK/corpus-$n
  [ -d "$corpus" ] || "$VERDICT" generate-corpus --output "$corpus" --reviews "$n" --snapshots 24 --models 500 >/dev/null
  out=$WORK/out-$n
  cache=$WORK/.out-$n.verdict-cache
  # Empty output and no cache: everything is loaded, parsed, rendered and written.
  read -r wall cpu rss < <(measure "aside $out $cache" "$VERDICT" build --content "$corpus" --output "$out")
  pages=$("$VERDICT" build --no-cache --content "$corpus" --output "$out" 2>/dev/null | sed -E 's/^Built ([0-9]+) pages.*/\1/')
  printf '%-8s %-22s %8s %8s %8s %10.0f\n' "$n" "verdict, empty output" "$wall" "$cpu" "$rss" "$(awk -v p="$pages" -v w="$wall" 'BEGIN { print p / w }')"
  # Same input, output and cache present: the build checks the inputs and stops.
  "$VERDICT" build --content "$corpus" --output "$out" >/dev/null 2>&1
  read -r wall cpu rss < <(measure ":" "$VERDICT" build --content "$corpus" --output "$out")
  printf '%-8s %-22s %8s %8s %8s %10s\n' "$n" "verdict, unchanged" "$wall" "$cpu" "$rss" "-"
  # One review's text edited before each run: pages whose view model did not change are kept.
  edited=$corpus/reviews/model-7.md
  cp "$edited" "$WORK/model-7.md.orig"
  read -r wall cpu rss < <(measure "echo 'Edited again.' >> $edited" "$VERDICT" build --content "$corpus" --output "$out")
  cp "$WORK/model-7.md.orig" "$edited"
  printf '%-8s %-22s %8s %8s %8s %10s\n' "$n" "verdict, one edit" "$wall" "$cpu" "$rss" "-"

  # Hugo only on the same work: ../shared/bench generates a corpus together with a Hugo site that renders
  # the same pages from the same data (every review lists three alternatives, so about 42,000 pages at
  # N = 10,000). Verdict builds that corpus's Content too, so the two rows compare like with like.
  if command -v hugo >/dev/null && [ -f "$BENCH/gen_corpus.py" ] && [ "$n" -le 10000 ]; then
    same=$WORK/same-$n
    [ -d "$same" ] || python3 "$BENCH/gen_corpus.py" "$same" "$n" >/dev/null
    read -r wall cpu rss < <(measure "aside $WORK/same-out-$n $WORK/.same-out-$n.verdict-cache" "$VERDICT" build --content "$same/Content" --output "$WORK/same-out-$n")
    pages=$(find "$WORK/same-out-$n" -name '*.html' | wc -l)
    printf '%-8s %-22s %8s %8s %8s %10.0f\n' "$n" "verdict, same as hugo" "$wall" "$cpu" "$rss" "$(awk -v p="$pages" -v w="$wall" 'BEGIN { print p / w }')"
    read -r wall cpu rss < <(measure "aside $WORK/same-hugo-$n" hugo --quiet --source "$same/hugo" -d "$PWD/$WORK/same-hugo-$n")
    pages=$(find "$WORK/same-hugo-$n" -name '*.html' | wc -l)
    printf '%-8s %-22s %8s %8s %8s %10.0f\n' "$n" "hugo, same pages" "$wall" "$cpu" "$rss" "$(awk -v p="$pages" -v w="$wall" 'BEGIN { print p / w }')"
  fi
  rm -rf "${TRASH:?}"/*
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -srm)"
