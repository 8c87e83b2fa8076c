#!/usr/bin/env bash
# Full builds by three release binaries in turn (e.g. the last swift-mustache build, main before a change,
# the change), then one-review edits by the last two, on one corpus. Each full build starts from an empty
# output with no caches; outputs are deleted after each round, then 65 s of quiet, so ext4's recently
# freed inodes do not tax the next build. Edits append a line to reviews/model-7.md (restored at the end)
# with output and caches present. Ends by diffing the last binary's cached edit output against a
# --no-cache build of the same content. Prints wall, CPU (user + sys) and peak RSS per run.
#
#   scripts/three-way.sh OLDEST OLDEST_THEMES BEFORE NOW CONTENT THEMES [ROUNDS]
# (the README's issue 19 figures: eede639's binary with `git archive eede639 Themes`, 9e88271's, this
# change's, on `verdict generate-corpus --reviews 10000 --snapshots 24 --models 500`, 3 rounds)
set -euo pipefail
oldest=$1 oldest_themes=$2 before=$3 now=$4 corpus=$5 themes=$6 rounds=${7:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/verdict-three-way.XXXXXX"); mkdir -p "$work/trash"
edited=$corpus/reviews/model-7.md; cp "$edited" "$work/model-7.md.orig"
trap 'cp "$work/model-7.md.orig" "$edited"; rm -rf "$work"' EXIT
declare -A bins=([oldest]=$oldest [before]=$before [now]=$now)
declare -A theme=([oldest]=$oldest_themes [before]=$themes [now]=$themes)
timed() { local label=$1; shift; /usr/bin/time -f "$label: wall %e cpu %U+%S rss %MKB" "$@" 2>&1 >/dev/null | tail -1; }
for r in $(seq "$rounds"); do
  for which in oldest before now; do
    timed "full $r $which" "${bins[$which]}" build --content "$corpus" --output "$work/full-$which" --themes "${theme[$which]}"
  done
  for which in oldest before now; do mv "$work/full-$which" "$work/trash/$which-$r"; rm -f "$work"/.full-"$which".verdict-*; done
  rm -rf "$work/trash"/*; sleep 65
done
for which in before now; do "${bins[$which]}" build --content "$corpus" --output "$work/edit-$which" --themes "$themes" >/dev/null 2>&1; done
for r in $(seq "$rounds"); do
  for which in before now; do
    echo "Edited again $r $which." >> "$edited"
    timed "edit $r $which" "${bins[$which]}" build --content "$corpus" --output "$work/edit-$which" --themes "$themes"
  done
done
"$now" build --no-cache --content "$corpus" --output "$work/fresh" --themes "$themes" >/dev/null 2>&1
if diff -r "$work/edit-now" "$work/fresh" >/dev/null; then echo "edit output identical to a --no-cache build"; else echo "edit output DIFFERS from a --no-cache build"; exit 1; fi
