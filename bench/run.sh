#!/usr/bin/env bash
# Run tidemark's benchmark suite, or compare two runs with benchstat.
#
#   bench/run.sh [run] [-c COUNT] [-t BENCHTIME] [-b REGEX] [-p CPUS] [COMMIT]
#       Runs `go test -run '^$' -bench REGEX -count COUNT -benchtime BENCHTIME
#       -cpu CPUS ./bench/` and writes the output to bench/out/<commit>.txt.
#       Without COMMIT it runs the working tree (named after HEAD, with
#       "-dirty" when bench/ or the packages differ from HEAD); with COMMIT it
#       runs that commit from a clean `git archive` export in a temporary
#       directory, so the checkout is never touched.
#       Defaults: COUNT=6 BENCHTIME=2x REGEX=. CPUS=1,2 (each run scans the 16 MiB
#       corpus twice; the whole suite takes a while: narrow it with -b).
#
#   bench/run.sh compare [-c COUNT] [-t BENCHTIME] [-b REGEX] [-p CPUS] A B
#       Compares two runs with benchstat (pinned below). A and B are commits
#       (their bench/out/<commit>.txt is produced first, with the options
#       given, if missing) or paths to result files.
#
# The machine should be quiet: benchmarks on a shared machine are noisy;
# use COUNT >= 6 and read benchstat's confidence intervals.
set -euo pipefail

BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da

root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
out="$root/bench/out"
mkdir -p "$out"

count=6 benchtime=2x regex=. cpus=1,2
tmpdirs=()
cleanup() { for d in "${tmpdirs[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

run_suite() { # run_suite COMMIT-or-empty -> prints result file path
	local commit=$1 dir name
	if [[ -z $commit ]]; then
		dir=$root
		name=$(git -C "$root" rev-parse --short=12 HEAD)
		if ! git -C "$root" diff --quiet HEAD -- . 2>/dev/null; then
			name=$name-dirty
		fi
	else
		name=$(git -C "$root" rev-parse --short=12 "$commit^{commit}")
		dir=$(mktemp -d "${TMPDIR:-/tmp}/tidemark-bench.XXXXXX")
		tmpdirs+=("$dir")
		git -C "$root" archive "$name" | tar -x -C "$dir"
		if [[ ! -d $dir/bench ]]; then
			echo "run.sh: commit $name has no bench/ directory" >&2
			return 1
		fi
	fi
	local file=$out/$name.txt
	{
		echo "# commit $name"
		echo "# $(go version)"
		echo "# date $(date -u +%Y-%m-%dT%H:%M:%SZ)"
		echo "# load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
		(cd "$dir" && go test -run '^$' -bench "$regex" -count "$count" -benchtime "$benchtime" -cpu "$cpus" -timeout 60m ./bench/)
	} >"$file.tmp"
	mv "$file.tmp" "$file"
	echo "$file"
}

resolve() { # resolve A -> result file path
	if [[ -f $1 ]]; then
		echo "$1"
		return
	fi
	local name
	name=$(git -C "$root" rev-parse --short=12 "$1^{commit}")
	if [[ -f $out/$name.txt ]]; then
		echo "$out/$name.txt"
	else
		run_suite "$1"
	fi
}

cmd=run
if [[ $# -gt 0 && ( $1 == run || $1 == compare ) ]]; then
	cmd=$1
	shift
fi
while getopts "c:t:b:p:h" opt; do
	case $opt in
	c) count=$OPTARG ;;
	t) benchtime=$OPTARG ;;
	b) regex=$OPTARG ;;
	p) cpus=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
case $cmd in
compare)
	[[ $# -eq 2 ]] || usage
	a=$(resolve "$1")
	b=$(resolve "$2")
	go run "$BENCHSTAT" "$a" "$b"
	;;
run)
	[[ $# -le 1 ]] || usage
	run_suite "${1:-}"
	;;
esac
