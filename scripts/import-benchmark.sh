#!/usr/bin/env bash
# Times `verdict import` on N lm-evaluation-harness result files (default 1,000), each a copy of the real
# 0.4.x file in shared/realdata with its own model name, run date and scores, beside a samples_*.jsonl
# that the walk must skip. Release build; prints the median wall time of RUNS runs.
set -euo pipefail
N=${1:-1000}
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REAL=${REAL:-$ROOT/../shared/realdata/csabakecskemeti__lm_eval_results__meta-llama__Llama-3.1-8B-Instruct_results_2025-01-25T04-48-43.622918.json}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$REAL" "$WORK/runs" "$N" <<'PY'
import datetime, json, os, random, sys
source, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = json.load(open(source))
random.seed(1)
for i in range(n):
    d["model_name"] = f"org{i % 37}/model-{i:04d}"
    d["date"] = 1737783980.81405 + i * 3600
    stamp = datetime.datetime.fromtimestamp(d["date"], datetime.timezone.utc).strftime("%Y-%m-%dT%H-%M-%S.622918")
    for task in d["results"].values():
        for key, value in task.items():
            if isinstance(value, float) and "stderr" not in key:
                task[key] = round(random.random(), 6)
    folder = os.path.join(out, d["model_name"].replace("/", "__"))
    os.makedirs(folder, exist_ok=True)
    json.dump(d, open(os.path.join(folder, f"results_{stamp}.json"), "w"), indent=2)
    open(os.path.join(folder, f"samples_hellaswag_{stamp}.jsonl"), "w").write('{"doc_id": 0}\n')
PY
[ -x "$ROOT/.build/release/verdict" ] || (cd "$ROOT" && swift build -c release --product verdict)
echo "$(du -sh "$WORK/runs" | cut -f1) in $N result files"
times=()
for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    "$ROOT/.build/release/verdict" import "$WORK/runs" --output "$WORK/out.json" --force >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.2f s of %d runs (min %.2f, max %.2f)\n", a[int((NR+1)/2)], NR, a[1], a[NR]}'
