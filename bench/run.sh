#!/usr/bin/env bash
# bench/run.sh: wall time and peak memory of connlint against the floor
# analyzer (bench/floor: builds SSA, declares a fact type, does nothing), in
# the standalone driver and under go vet, on std and on Vitess. "Standalone"
# is the in-process driver (connlint -cache=false, against the floor's
# multichecker); connlint's default standalone command runs go vet
# underneath, which the vet rows measure.
#
#   bench/run.sh                 # everything: std vet vitess (20-30 minutes on 2 idle
#                                # CPUs with warm caches; up to an hour cold or busy)
#   bench/run.sh std             # standalone driver on std
#   bench/run.sh vet             # go vet -vettool on std
#   bench/run.sh vitess          # vitess-vet and vitess-standalone
#   bench/run.sh vitess-vet      # go vet -vettool on vitess.io/vitess@v0.24.4 ./go/...
#                                # (minus one package that does not type-check, below)
#   bench/run.sh vitess-standalone   # standalone on the same, capped (see BENCH_CAP_GB),
#                                    # then again under GOMEMLIMIT (see BENCH_MEMLIMIT)
#   bench/run.sh profile         # CPU and memory profiles of connlint on std, one pass at a time
#
# Environment:
#   BENCH_OUT     where logs, profiles and results.tsv go (default bench/out, gitignored)
#   BENCH_WORK    where the writable Vitess copy lives, reused across runs
#                 (default ${TMPDIR:-/tmp}/connlint-bench)
#   BENCH_CAP_GB  a standalone run whose process tree exceeds this resident
#                 size is killed and recorded as "did not fit" (default 20)
#   BENCH_REPEAT  run each pair this many times, alternating floor and
#                 connlint; the table shows the fastest run's time and the
#                 largest peak memory (default 1)
#   BENCH_MEMLIMIT  vitess-standalone also runs both tools with this
#                 GOMEMLIMIT (default 16GiB)
#   BENCH_QUIET   before each timed run, wait up to this many seconds for
#                 the machine to be idle (other processes below 15% of the
#                 CPUs over 3 s), and say when it was not (default 300)
#
# Method:
#   - Both tools are built from this checkout into a temporary directory.
#   - Caches are warmed before anything is timed, and the script says so:
#     `go list -deps -test -compiled` over the patterns (the standalone driver
#     parses and type-checks from source, but asks go list for cgo output,
#     which is cached), one untimed run of each tool on a small package, and
#     for vet mode one untimed `go vet -vettool=floor` over the same patterns,
#     which compiles every package and test variant that vet needs.
#   - go vet caches each package's analysis result (and facts) under a key
#     that includes the tool's ID, the hash printed by `tool -V=full`, which
#     is the hash of the executable. Before every timed vet run the tool is
#     relinked with a fresh `-ldflags=-X=main.benchNonce=...` (the linker
#     records -ldflags in the binary's build info, so the bytes change even
#     though no such variable exists): the timed run is a cache miss for
#     every analysis, while compiled export data stays cached. We chose this
#     over a fresh copy of a warmed GOCACHE because it costs a one-second
#     relink instead of copying gigabytes, and the script checks that the
#     tool ID really changed.
#   - Time and peak memory come from /usr/bin/time -v ("Maximum resident set
#     size" is the largest single process: under go vet, the largest one
#     tool invocation or the go command). A 0.5 s sampler also records the
#     peak resident size of the whole process tree (under go vet, up to
#     GOMAXPROCS tool processes run at once), and enforces BENCH_CAP_GB.
#   - Pairs run back to back, floor first (BENCH_REPEAT times). Expect a
#     few percent of noise; other processes on the machine add more, which
#     is why each timed run first waits for the CPUs to be idle.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/connlint-bench}
CAP_GB=${BENCH_CAP_GB:-20}
REPEAT=${BENCH_REPEAT:-1}
MEMLIMIT=${BENCH_MEMLIMIT:-16GiB}
QUIET=${BENCH_QUIET:-300}
VITESS=vitess.io/vitess@v0.24.4
# Vitess's ./go/... minus one package whose tests do not type-check in the
# released module (comparison_test.go uses connParams, defined nowhere):
# every tool, the floor included, fails on it.
VITESS_BROKEN=vitess.io/vitess/go/vt/vtgate/evalengine/integration

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	targets=(std vet vitess)
fi
for t in "${targets[@]}"; do
	case $t in
	std | vet | vitess | vitess-vet | vitess-standalone | profile) ;;
	*)
		echo "bench/run.sh: unknown target $t (want std, vet, vitess, vitess-vet, vitess-standalone, profile)" >&2
		exit 2
		;;
	esac
done

mkdir -p "$OUT" "$WORK"
BIN=$(mktemp -d "${TMPDIR:-/tmp}/connlint-bench-bin.XXXXXX")
trap 'rm -rf "$BIN"' EXIT
RESULTS=$OUT/results.tsv
: >"$RESULTS"

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

# build NAME [NONCE]: build connlint or floor into $BIN/NAME, relinked with
# the given nonce so that its vet tool ID is new.
build() {
	local name=$1 nonce=${2:-} pkg
	case $name in
	connlint*) pkg=./cmd/connlint ;;
	floor*) pkg=./bench/floor ;;
	esac
	(cd "$ROOT" && go build -ldflags="-X=main.benchNonce=$nonce" -o "$BIN/$name" "$pkg")
}

# short ARGS...: the arguments for a log line (a long package list elided).
short() {
	if [ $# -gt 6 ]; then
		echo "$1 $2 $3 $4 ... ($# arguments)"
	else
		echo "$*"
	fi
}

# busy: the fraction (percent) of CPU time not idle over the next 3 s.
busy() {
	local a b
	read -r -a a < <(head -1 /proc/stat)
	sleep 3
	read -r -a b < <(head -1 /proc/stat)
	local total=0 i
	for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
	local idle=$((b[4] - a[4] + b[5] - a[5]))
	echo $(((total - idle) * 100 / (total > 0 ? total : 1)))
}

# quiet: wait up to $QUIET seconds for the machine to be idle.
quiet() {
	local waited=0 b
	while b=$(busy) && [ "$b" -gt 15 ]; do
		if [ "$waited" -ge "$QUIET" ]; then
			log "WARNING: CPUs still ${b}% busy after ${QUIET}s; timing anyway (expect noise)"
			return
		fi
		[ "$waited" -eq 0 ] && log "waiting for the CPUs to be idle (${b}% busy)"
		waited=$((waited + 3))
	done
}

# measure SCENARIO TOOL LIMIT_KB DIR CMD...: run CMD in DIR under
# /usr/bin/time -v and the sampler; append a row to $RESULTS.
measure() {
	local scenario=$1 tool=$2 limit=$3 dir=$4
	shift 4
	local base=$OUT/$scenario.$tool
	rm -f "$base.time"
	rm -f "$base.peak" "$base.peak.killed"
	quiet
	log "timing $scenario: $tool: $(short "$@")"
	(cd "$dir" && exec /usr/bin/time -v -o "$base.time" "$@" >"$base.stdout" 2>"$base.stderr") &
	local pid=$!
	sample "$pid" "$limit" "$base.peak" &
	local spid=$!
	local rc=0
	wait "$pid" || rc=$?
	wait "$spid" || true
	local wall maxrss exit cpu fit=yes
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, a, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + a[i]
		printf "%.1f", s }' "$base.time")
	maxrss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$base.time")
	cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$base.time")
	exit=$(awk -F': ' '/Exit status/ { print $2 }' "$base.time")
	if grep -q 'terminated by signal' "$base.time"; then
		exit=signal$(sed -n 's/.*terminated by signal \([0-9]*\).*/\1/p' "$base.time")
	fi
	[ -e "$base.peak.killed" ] && fit=no
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$tool" "$wall" "$cpu" "$maxrss" "$(cat "$base.peak")" "$exit" "$fit" >>"$RESULTS"
	if grep -qE '^panic:|internal error|fatal error:' "$base.stdout" "$base.stderr"; then
		log "WARNING: $scenario $tool printed a panic or internal error, see $base.stderr"
	fi
	log "$scenario $tool: ${wall}s wall, ${cpu}s cpu, max RSS ${maxrss} KB, tree peak $(cat "$base.peak") KB, exit $exit, fit $fit (rc $rc)"
}

# vet_tool NAME: relink NAME with a fresh nonce and check that go vet sees a
# new tool ID, so that the next vet run misses the cache.
declare -A lastid
vet_tool() {
	local name=$1 id
	build "$name" "$name-$(date +%s%N)"
	id=$("$BIN/$name" -V=full)
	id=${id##*buildID=}
	if [ "${lastid[$name]:-}" = "$id" ]; then
		echo "bench/run.sh: $name tool ID did not change; vet would hit its cache" >&2
		exit 1
	fi
	lastid[$name]=$id
}

# vitess_dir: a writable copy of $VITESS with its dependencies downloaded.
vitess_dir() {
	module_copy "$VITESS" "$WORK/vitess" >/dev/null
	echo "$WORK/vitess"
}

warm_standalone() {
	local dir=$1
	shift
	log "warming: go list -deps -test -compiled $(short "$@") (cgo output cached), one untimed run of each tool on errors"
	(cd "$dir" && go list -deps -test -compiled "$@" >/dev/null)
	(cd "$dir" && "$BIN/floor" errors >/dev/null 2>&1) || true
	(cd "$dir" && "$BIN/connlint" -cache=false errors >/dev/null 2>&1) || true
}

warm_vet() {
	local dir=$1
	shift
	log "warming: untimed go vet -vettool=floor $(short "$@") (compiles every package and test variant vet needs)"
	build floor-warm warm
	(cd "$dir" && go vet -vettool="$BIN/floor-warm" "$@" >/dev/null 2>&1) || true
}

CAP_KB=$((CAP_GB * 1024 * 1024))

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- cmd internal passes bench/floor 2>/dev/null || commit="$commit+dirty"
echo "connlint $commit, $(go version | cut -d' ' -f3-), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)" >"$OUT/machine.txt"
log "$(cat "$OUT/machine.txt")"
log "building connlint and floor into $BIN"
build connlint
build floor
log "warming: go build std"
go build std

for t in "${targets[@]}"; do
	case $t in
	std)
		warm_standalone "$WORK" std
		for _ in $(seq "$REPEAT"); do
			measure std floor "$CAP_KB" "$WORK" "$BIN/floor" std
			measure std connlint "$CAP_KB" "$WORK" "$BIN/connlint" -cache=false std
		done
		;;
	vet)
		warm_vet "$WORK" std
		for _ in $(seq "$REPEAT"); do
			vet_tool floor-vet
			measure vet-std floor 0 "$WORK" go vet -vettool="$BIN/floor-vet" std
			vet_tool connlint-vet
			measure vet-std connlint 0 "$WORK" go vet -vettool="$BIN/connlint-vet" std
		done
		;;
	vitess | vitess-vet | vitess-standalone)
		dir=$(vitess_dir)
		# -mod=mod only here: outside a module it is an error.
		# (GOFLAGS in the environment replaces the go env file's: keep both.)
		saved_goflags=${GOFLAGS-}
		GOFLAGS="$(go env GOFLAGS) -mod=mod"
		export GOFLAGS
		mapfile -t pkgs < <(cd "$dir" && go list ./go/... | grep -vxF "$VITESS_BROKEN")
		log "vitess: ${#pkgs[@]} packages (./go/... minus $VITESS_BROKEN)"
		if [ "$t" != vitess-standalone ]; then
			warm_vet "$dir" "${pkgs[@]}"
			for _ in $(seq "$REPEAT"); do
				vet_tool floor-vet
				measure vet-vitess floor 0 "$dir" go vet -vettool="$BIN/floor-vet" "${pkgs[@]}"
				vet_tool connlint-vet
				measure vet-vitess connlint 0 "$dir" go vet -vettool="$BIN/connlint-vet" "${pkgs[@]}"
			done
		fi
		if [ "$t" != vitess-vet ]; then
			warm_standalone "$dir" "${pkgs[@]}"
			measure vitess floor "$CAP_KB" "$dir" "$BIN/floor" "${pkgs[@]}"
			measure vitess connlint "$CAP_KB" "$dir" "$BIN/connlint" -cache=false "${pkgs[@]}"
			# The same under a soft memory limit: the collector works
			# harder to stay below it, trading time for memory.
			measure "vitess-$MEMLIMIT" floor "$CAP_KB" "$dir" env GOMEMLIMIT="$MEMLIMIT" "$BIN/floor" "${pkgs[@]}"
			measure "vitess-$MEMLIMIT" connlint "$CAP_KB" "$dir" env GOMEMLIMIT="$MEMLIMIT" "$BIN/connlint" -cache=false "${pkgs[@]}"
		fi
		export GOFLAGS=$saved_goflags
		;;
	profile)
		warm_standalone "$WORK" std
		for off in refcycle reservedclose; do
			measure profile connlint-no-$off "$CAP_KB" "$WORK" "$BIN/connlint" -cache=false -$off=false \
				-cpuprofile="$OUT/connlint-no-$off.cpu.prof" -memprofile="$OUT/connlint-no-$off.mem.prof" std
			go tool pprof -top -cum -nodecount=40 "$BIN/connlint" "$OUT/connlint-no-$off.cpu.prof" \
				>"$OUT/connlint-no-$off.cpu.txt" 2>/dev/null
			go tool pprof -top -sample_index=alloc_space -nodecount=30 "$BIN/connlint" "$OUT/connlint-no-$off.mem.prof" \
				>"$OUT/connlint-no-$off.mem.txt" 2>/dev/null
			log "profile summaries: $OUT/connlint-no-$off.cpu.txt, $OUT/connlint-no-$off.mem.txt"
		done
		measure profile floor "$CAP_KB" "$WORK" "$BIN/floor" \
			-cpuprofile="$OUT/floor.cpu.prof" -memprofile="$OUT/floor.mem.prof" std
		go tool pprof -top -cum -nodecount=40 "$BIN/floor" "$OUT/floor.cpu.prof" >"$OUT/floor.cpu.txt" 2>/dev/null
		;;
	esac
done

# The table: per scenario and tool, the fastest run's wall and CPU time and
# the largest peak memory over the repeats; each connlint row against the
# floor row of its scenario.
echo
awk -F'\t' '
	function mb(kb) { return kb == "" ? "-" : sprintf("%.0f", kb / 1024) }
	{
		k = $1 SUBSEP $2
		if (!(k in wall)) { order[++n] = k; scen[k] = $1; tool[k] = $2; runs[k] = 0; fit[k] = "yes" }
		runs[k]++
		if (!(k in wall) || $3 + 0 < wall[k] + 0) { wall[k] = $3; cpu[k] = $4 }
		if ($5 + 0 > rss[k] + 0) rss[k] = $5
		if ($6 + 0 > tree[k] + 0) tree[k] = $6
		ex[k] = $7
		if ($8 == "no") fit[k] = "no"
	}
	END {
		printf "%-14s %-22s %4s %8s %8s %10s %11s %7s %7s %7s\n", "scenario", "tool", "runs", "wall s", "cpu s", "maxRSS MB", "treeRSS MB", "exit", "time x", "mem x"
		for (i = 1; i <= n; i++) {
			k = order[i]; f = scen[k] SUBSEP "floor"
			tr = "-"; mr = "-"
			if (tool[k] != "floor" && (f in wall) && fit[f] == "yes" && fit[k] == "yes") {
				tr = sprintf("%.2f", wall[k] / wall[f]); mr = sprintf("%.2f", rss[k] / rss[f])
			}
			e = ex[k]; if (fit[k] == "no") e = "no fit"
			printf "%-14s %-22s %4d %8s %8s %10s %11s %7s %7s %7s\n", scen[k], tool[k], runs[k], wall[k], cpu[k], mb(rss[k]), mb(tree[k]), e, tr, mr
		}
	}' "$RESULTS" | tee "$OUT/table.txt"
echo
cat "$OUT/machine.txt"
echo "ratios: connlint / floor in the same scenario (target: time x <= 1.30, mem x <= 1.50)."
echo "no fit: the process tree passed ${CAP_GB} GB resident and was killed (BENCH_CAP_GB)."
echo "connlint exits 3 (standalone) or 1 (vet) when it has findings; logs in $OUT."
