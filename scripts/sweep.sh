#!/usr/bin/env bash
# scripts/sweep.sh: run connlint on real code and check that it never
# crashes: std, pgx v5, go-redis v9, golang.org/x/tools and Vitess.
#
#   scripts/sweep.sh                  # all of them: about 10 minutes on 2 CPUs, warm
#                                     # (a first run also downloads and compiles the modules)
#   scripts/sweep.sh pgx goredis      # a subset: std pgx goredis xtools vitess
#
# Each module is downloaded through the module proxy (go mod download
# -json), copied to a writable directory under SWEEP_WORK (default
# ${TMPDIR:-/tmp}/connlint-sweep, reused) and analysed with GOFLAGS=-mod=mod.
# Output goes to SWEEP_OUT (default bench/out/sweep, gitignored):
#   NAME.txt      text output of the in-process driver (the exit code run),
#                 or go vet's stderr (vet mode)
#   NAME.json     -json output (standalone) or go vet -json's stdout (vet mode)
#   NAME.tsv      the unique reports: analyzer, file:line:col, message
#
# Checks, per module (any failure makes the script exit 1):
#   - standalone, text output: exit code 0 or 3 (1 is a load or analyzer
#     error, 2 a panic);
#   - standalone, -json: exit code 0 and no "error" entry (with -json the
#     driver exits 0 even with findings, so analyzer errors only show there);
#   - standalone: the text and -json runs use the in-process driver
#     (-cache=false); a third run through the default cached driver (go vet
#     underneath) must exit alike and print the same bytes as the text run;
#   - vet mode (Vitess: the mode docs/performance.md recommends for large
#     repositories; standalone needs about 17 GB there, bench/run.sh measures
#     it): go vet -json exits 0 (with -json, findings do not fail it; a tool
#     crash or error does) and has no "error" entry;
#   - no output shows a panic ("panic: ", a goroutine trace) or says
#     "internal error".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${SWEEP_OUT:-$ROOT/bench/out/sweep}
WORK=${SWEEP_WORK:-${TMPDIR:-/tmp}/connlint-sweep}
CAP_GB=${SWEEP_CAP_GB:-20}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

# name, module@version (or "std"), patterns, mode
MODULES=(
	"std std std standalone"
	"pgx github.com/jackc/pgx/v5@v5.12.0 ./... standalone"
	"goredis github.com/redis/go-redis/v9@v9.23.0 ./... standalone"
	"xtools golang.org/x/tools@v0.52.0 ./... standalone"
	"vitess vitess.io/vitess@v0.24.4 ./go/... vet"
)
# Packages left out: their tests do not type-check in the released module
# (a load error, exit 1, for any tool). Vitess's comparison_test.go uses
# connParams, which no file of the module defines.
EXCLUDE=(
	vitess.io/vitess/go/vt/vtgate/evalengine/integration
)

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
	selected=(std pgx goredis xtools vitess)
fi
for s in "${selected[@]}"; do
	case $s in
	std | pgx | goredis | xtools | vitess) ;;
	*)
		echo "scripts/sweep.sh: unknown module $s (want std, pgx, goredis, xtools, vitess)" >&2
		exit 2
		;;
	esac
done

mkdir -p "$OUT" "$WORK"
BIN=$(mktemp -d "${TMPDIR:-/tmp}/connlint-sweep-bin.XXXXXX")
trap 'rm -rf "$BIN"' EXIT
log "building connlint into $BIN"
(cd "$ROOT" && go build -o "$BIN/connlint" ./cmd/connlint)
CAP_KB=$((CAP_GB * 1024 * 1024))
# GOFLAGS set in the environment replaces the go env file's; keep both.
GOFLAGS_BASE=$(go env GOFLAGS)

# run DIR LOG CMD...: run CMD in DIR (stdout to LOG.out, stderr to LOG.err)
# under the memory sampler; return its exit code (137 if killed for memory).
run() {
	local dir=$1 base=$2
	shift 2
	rm -f "$base.peak" "$base.peak.killed"
	(cd "$dir" && exec "$@" >"$base.out" 2>"$base.err") &
	local pid=$!
	sample "$pid" "$CAP_KB" "$base.peak" &
	local spid=$! rc=0
	wait "$pid" || rc=$?
	wait "$spid" || true
	[ -e "$base.peak.killed" ] && rc=137
	return "$rc"
}

# reports JSON: the unique reports in a driver's JSON tree (or a stream of
# trees, as go vet prints), as TSV; paths relative to the analysed tree.
reports() {
	grep -v '^#' "$1" | jq -rs --arg root "$2/" '
		[.[] | to_entries[] | .value | to_entries[] | .key as $a | .value
		 | arrays | .[] | [$a, (.posn | ltrimstr($root)), .message]]
		| unique[] | @tsv'
}

# errors JSON: the "error" entries of the JSON tree(s).
errors() {
	grep -v '^#' "$1" | jq -rs '[.[] | to_entries[] | .key as $p | .value | to_entries[]
		| select(.value | type == "object") | "\($p) \(.key): \(.value.error)"] | .[]'
}

failed=0
summary=()
for entry in "${MODULES[@]}"; do
	read -r name modver patterns mode <<<"$entry"
	[[ " ${selected[*]} " == *" $name "* ]] || continue
	if [ "$modver" = std ]; then
		dir=$WORK/std-empty
		mkdir -p "$dir"
		version=$(go env GOVERSION)
		root=$(go env GOROOT)/src
	else
		dir=$WORK/$name
		version=$(module_copy "$modver" "$dir")
		root=$dir
	fi
	# shellcheck disable=SC2086 # patterns is a word list
	mapfile -t pkgs < <(cd "$dir" && GOFLAGS="$GOFLAGS_BASE $([ "$modver" = std ] || echo -mod=mod)" go list $patterns |
		grep -vxF -f <(printf '%s\n' "${EXCLUDE[@]}"))
	log "$name ($modver -> $version): $mode on $patterns (${#pkgs[@]} packages)"
	problems=()
	if [ "$mode" = standalone ]; then
		rc=0
		GOFLAGS="$GOFLAGS_BASE $([ "$modver" = std ] || echo -mod=mod)" \
			run "$dir" "$OUT/$name.text" "$BIN/connlint" -cache=false "${pkgs[@]}" || rc=$?
		mv "$OUT/$name.text.err" "$OUT/$name.txt"
		log "$name: text run exit $rc, peak $(($(cat "$OUT/$name.text.peak") / 1024)) MB"
		case $rc in 0 | 3) ;; *) problems+=("text run exited $rc") ;; esac
		text_rc=$rc
		rc=0
		GOFLAGS="$GOFLAGS_BASE $([ "$modver" = std ] || echo -mod=mod)" \
			run "$dir" "$OUT/$name.jsonrun" "$BIN/connlint" -cache=false -json "${pkgs[@]}" || rc=$?
		mv "$OUT/$name.jsonrun.out" "$OUT/$name.json"
		[ "$rc" = 0 ] || problems+=("-json run exited $rc")
		# The default, cached driver (go vet underneath) must print the
		# same bytes, with the same exit code.
		rc=0
		GOFLAGS="$GOFLAGS_BASE $([ "$modver" = std ] || echo -mod=mod)" \
			run "$dir" "$OUT/$name.cached" "$BIN/connlint" "${pkgs[@]}" || rc=$?
		[ "$rc" = "$text_rc" ] || problems+=("cached run exited $rc, the in-process run $text_rc")
		cmp -s "$OUT/$name.cached.err" "$OUT/$name.txt" ||
			problems+=("cached run's output differs from the in-process run's (diff $OUT/$name.txt $OUT/$name.cached.err)")
		logs=("$OUT/$name.txt" "$OUT/$name.jsonrun.err" "$OUT/$name.cached.err")
	else
		rc=0
		GOFLAGS="$GOFLAGS_BASE -mod=mod" \
			run "$dir" "$OUT/$name.vet" go vet -vettool="$BIN/connlint" -json "${pkgs[@]}" || rc=$?
		# go vet -json: one JSON tree per package on stdout, logs on stderr.
		mv "$OUT/$name.vet.out" "$OUT/$name.json"
		mv "$OUT/$name.vet.err" "$OUT/$name.txt"
		[ "$rc" = 0 ] || problems+=("go vet -json exited $rc")
		text_rc=-
		logs=("$OUT/$name.txt")
	fi
	errs=$(errors "$OUT/$name.json" || echo "malformed JSON")
	[ -z "$errs" ] || problems+=("errors in JSON: $(head -3 <<<"$errs")")
	# A crash prints "panic: " and goroutine stacks; the driver's own
	# failures say "internal error". (Reports may mention the runtime's
	# panics, so the bare word is not enough; in the JSON a crash shows as
	# malformed or missing output, caught above.)
	crash='^panic: |^fatal error: |^goroutine [0-9]+ \[|internal error'
	if grep -qE "$crash" "${logs[@]}"; then
		problems+=("output shows a panic or internal error: $(grep -hE -m1 "$crash" "${logs[@]}" | head -c 300)")
	fi
	reports "$OUT/$name.json" "$root" >"$OUT/$name.tsv" || problems+=("cannot read JSON reports")
	counts=$(cut -f1 "$OUT/$name.tsv" | sort | uniq -c | awk '{printf "%s %s=%d", sep, $2, $1; sep=","}')
	total=$(wc -l <"$OUT/$name.tsv")
	if [ ${#problems[@]} -eq 0 ]; then
		status=ok
	else
		status=FAIL
		failed=1
		for p in "${problems[@]}"; do
			printf '%s: %s\n' "$name" "$p" >&2
		done
	fi
	summary+=("$(printf '%-8s %-38s %-10s %5s %6s  %s' "$name" "${modver%@*}@$version" "$mode" "$text_rc" "$total" "${counts:-none}  $status")")
done

echo
printf '%-8s %-38s %-10s %5s %6s  %s\n' module version mode exit reports "by analyzer  status"
printf '%s\n' "${summary[@]}"
echo
echo "exit: the standalone text run's exit code (0 clean, 3 findings); reports: unique file:line:col + message."
echo "reports per module: $OUT/NAME.tsv; raw output: $OUT/NAME.txt, $OUT/NAME.json"
exit "$failed"
