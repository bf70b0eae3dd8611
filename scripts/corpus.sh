#!/usr/bin/env bash
# scripts/corpus.sh: run two builds of connlint (BEFORE and AFTER) on the
# second triage corpus — database drivers, migration tools, an ORM, HTTP
# clients and a service, none of them in scripts/sweep.sh — and list each
# build's reports, and the reports new in AFTER, for triage (docs/triage.md).
#
#   scripts/corpus.sh                        # every module, BEFORE=56200f4, AFTER=HEAD
#   scripts/corpus.sh sqlx pq                # a subset (names below)
#   CORPUS_BEFORE=abc123 CORPUS_AFTER=main scripts/corpus.sh
#
# Run it under the shared lock (flock /tmp/connlint-heavy.lock scripts/corpus.sh):
# it runs one standalone analysis at a time, each under a memory cap
# (CORPUS_CAP_GB, default 20).
#
# Each revision is exported with git archive and built into a temporary
# directory. Each module is downloaded through the module proxy, copied to a
# writable directory under CORPUS_WORK (default ${TMPDIR:-/tmp}/connlint-corpus,
# reused) and analysed standalone (connlint PKGS..., text output, tests
# included) with GOFLAGS=-mod=mod. Output goes to CORPUS_OUT (default
# bench/out/corpus, gitignored):
#   NAME.before.txt, NAME.after.txt   the driver's text output
#   NAME.before.time, NAME.after.time /usr/bin/time -v of the run
#   NAME.before.tsv, NAME.after.tsv   unique reports: file:line:col, message
#                                     (paths relative to the module root)
#   NAME.new.tsv                      reports of AFTER that BEFORE did not give
#   NAME.gone.tsv                     reports of BEFORE that AFTER no longer gives
#
# The script fails (exit 1) if a run exits other than 0 or 3, or its output
# shows a panic or an internal error.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${CORPUS_OUT:-$ROOT/bench/out/corpus}
WORK=${CORPUS_WORK:-${TMPDIR:-/tmp}/connlint-corpus}
CAP_GB=${CORPUS_CAP_GB:-20}
BEFORE=${CORPUS_BEFORE:-56200f4}
AFTER=${CORPUS_AFTER:-HEAD}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

# name, module@version, patterns
MODULES=(
	"sqlx github.com/jmoiron/sqlx@v1.4.0 ./..."
	"pq github.com/lib/pq@v1.12.3 ./..."
	"mysql github.com/go-sql-driver/mysql@v1.10.1 ./..."
	"migrate github.com/golang-migrate/migrate/v4@v4.20.1 ./..."
	"goose github.com/pressly/goose/v3@v3.30.1 ./..."
	"bun github.com/uptrace/bun@v1.3.0 ./..."
	"resty github.com/go-resty/resty/v2@v2.17.2 ./..."
	"retryablehttp github.com/hashicorp/go-retryablehttp@v0.7.8 ./..."
	"pocketbase github.com/pocketbase/pocketbase@v0.28.0 ./..."
)
# Packages left out, for both builds (a load error for any tool).
EXCLUDE=()

names=()
for entry in "${MODULES[@]}"; do
	names+=("${entry%% *}")
done
selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
	selected=("${names[@]}")
fi
for s in "${selected[@]}"; do
	if [[ " ${names[*]} " != *" $s "* ]]; then
		echo "scripts/corpus.sh: unknown module $s (want one of: ${names[*]})" >&2
		exit 2
	fi
done

mkdir -p "$OUT" "$WORK"
BIN=$(mktemp -d "${TMPDIR:-/tmp}/connlint-corpus-bin.XXXXXX")
trap 'rm -rf "$BIN"' EXIT
for side in before after; do
	rev=$BEFORE
	[ $side = after ] && rev=$AFTER
	commit=$(git -C "$ROOT" rev-parse --short "$rev^{commit}")
	log "building connlint $side = $rev ($commit)"
	mkdir -p "$BIN/$side-src"
	git -C "$ROOT" archive "$commit" | tar -x -C "$BIN/$side-src"
	(cd "$BIN/$side-src" && go build -o "$BIN/connlint-$side" ./cmd/connlint)
	echo "$commit" >"$BIN/$side.commit"
done
CAP_KB=$((CAP_GB * 1024 * 1024))
# GOFLAGS set in the environment replaces the go env file's; keep both.
GOFLAGS_BASE="$(go env GOFLAGS) -mod=mod"

# run DIR BASE CMD...: run CMD in DIR under /usr/bin/time -v (stdout to
# BASE.out, stderr to BASE.txt, time to BASE.time) and the memory cap; return
# its exit code (137 if killed for memory).
run() {
	local dir=$1 base=$2
	shift 2
	rm -f "$base.peak" "$base.peak.killed"
	(cd "$dir" && exec /usr/bin/time -v -o "$base.time" "$@" >"$base.out" 2>"$base.txt") &
	local pid=$!
	sample "$pid" "$CAP_KB" "$base.peak" &
	local spid=$! rc=0
	wait "$pid" || rc=$?
	wait "$spid" || true
	[ -e "$base.peak.killed" ] && rc=137
	return "$rc"
}

# reports TEXT ROOT: the unique reports of a text run, as TSV (file:line:col,
# message), paths relative to ROOT. A report's related positions follow it
# on lines whose message starts with a tab: left out.
reports() {
	grep -E $'^[^ ]+\\.go:[0-9]+:[0-9]+: [^\t]' "$1" |
		sed -E "s|^$2/||; s|^([^ ]+\.go:[0-9]+:[0-9]+): |\1\t|" | sort -u
}

failed=0
summary=()
for entry in "${MODULES[@]}"; do
	read -r name modver patterns <<<"$entry"
	[[ " ${selected[*]} " == *" $name "* ]] || continue
	dir=$WORK/$name
	version=$(module_copy "$modver" "$dir")
	# shellcheck disable=SC2086 # patterns is a word list
	mapfile -t pkgs < <(cd "$dir" && GOFLAGS="$GOFLAGS_BASE" go list $patterns |
		grep -vxF -f <(printf '%s\n' "${EXCLUDE[@]}"))
	log "$name ($modver -> $version): ${#pkgs[@]} packages"
	line="$(printf '%-14s %-46s %4d' "$name" "${modver%@*}@$version" "${#pkgs[@]}")"
	for side in before after; do
		rc=0
		GOFLAGS="$GOFLAGS_BASE" run "$dir" "$OUT/$name.$side" "$BIN/connlint-$side" "${pkgs[@]}" || rc=$?
		rm -f "$OUT/$name.$side.out"
		peak=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$OUT/$name.$side.time" 2>/dev/null || true)
		wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$OUT/$name.$side.time" 2>/dev/null || true)
		log "$name: $side exit $rc, ${wall:-?} wall, ${peak:-?} MB peak"
		case $rc in
		0 | 3) ;;
		*)
			echo "$name: $side run exited $rc: $(grep -v '^\s*$' "$OUT/$name.$side.txt" | head -3)" >&2
			failed=1
			;;
		esac
		crash='^panic: |^fatal error: |^goroutine [0-9]+ \[|internal error'
		if grep -qE "$crash" "$OUT/$name.$side.txt"; then
			echo "$name: $side output shows a panic or internal error" >&2
			failed=1
		fi
		reports "$OUT/$name.$side.txt" "$dir" >"$OUT/$name.$side.tsv" || true
		line+="$(printf ' %4s %6d %6s' "$rc" "$(wc -l <"$OUT/$name.$side.tsv")" "${peak:-?}")"
	done
	comm -13 "$OUT/$name.before.tsv" "$OUT/$name.after.tsv" >"$OUT/$name.new.tsv"
	comm -23 "$OUT/$name.before.tsv" "$OUT/$name.after.tsv" >"$OUT/$name.gone.tsv"
	line+="$(printf ' %5d %5d' "$(wc -l <"$OUT/$name.new.tsv")" "$(wc -l <"$OUT/$name.gone.tsv")")"
	summary+=("$line")
done

echo
echo "before = $(cat "$BIN/before.commit"), after = $(cat "$BIN/after.commit")"
printf '%-14s %-46s %4s %4s %6s %6s %4s %6s %6s %5s %5s\n' module version pkgs exit before MB exit after MB new gone
printf '%s\n' "${summary[@]}"
echo
echo "exit: the standalone text run's exit code (0 clean, 3 findings); before/after: unique reports; MB: peak RSS."
echo "reports: $OUT/NAME.{before,after,new,gone}.tsv; raw output: $OUT/NAME.{before,after}.txt"
exit "$failed"
