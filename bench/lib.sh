# bench/lib.sh: helpers shared by bench/run.sh and scripts/sweep.sh (sourced).

log() { printf '== %s\n' "$*" >&2; }

# tree_pids PID: PID and all its descendants.
tree_pids() {
	ps -e -o pid=,ppid= | awk -v root="$1" '
		{ parent[$1] = $2 }
		END {
			for (p in parent) {
				for (q = p; q != "" && q > 1; q = parent[q]) {
					if (q == root) { print p; break }
				}
			}
		}'
}

# tree_rss PID: resident KB of PID and all its descendants.
tree_rss() {
	ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
		{ parent[$1] = $2; rss[$1] = $3 }
		END {
			for (p in parent) {
				for (q = p; q != "" && q > 1; q = parent[q]) {
					if (q == root) { s += rss[p]; break }
				}
			}
			print s + 0
		}'
}

# sample PID LIMIT_KB FILE: until PID exits, record the tree's peak resident
# KB in FILE; kill the tree if it exceeds LIMIT_KB (0: no limit).
sample() {
	local pid=$1 limit=$2 file=$3 peak=0 cur
	while kill -0 "$pid" 2>/dev/null; do
		cur=$(tree_rss "$pid")
		if [ "$cur" -gt "$peak" ]; then
			peak=$cur
			echo "$peak" >"$file"
		fi
		if [ "$limit" -gt 0 ] && [ "$cur" -gt "$limit" ]; then
			echo "$cur" >"$file.killed"
			# Kill the tools, not /usr/bin/time, so that it still reports.
			tree_pids "$pid" | grep -vx "$pid" | xargs -r kill -KILL 2>/dev/null || true
			break
		fi
		sleep 0.5
	done
	echo "$peak" >"$file"
}

# module_copy MODULE@VERSION DIR: download MODULE@VERSION through the module
# proxy (go mod download -json), copy it to DIR writable, download its
# dependencies; print the resolved version. Reuses DIR if already prepared
# for the same version.
module_copy() {
	local modver=$1 dir=$2 json src version
	json=$(cd "$(dirname "$dir")" && GOFLAGS=-mod=mod go mod download -json "$modver")
	src=$(jq -r .Dir <<<"$json")
	version=$(jq -r .Version <<<"$json")
	if [ "$(cat "$dir/.connlint-prepared" 2>/dev/null)" != "$version" ]; then
		log "copying $src to $dir (writable)"
		rm -rf "$dir"
		cp -r "$src" "$dir"
		chmod -R u+w "$dir"
		(cd "$dir" && GOFLAGS=-mod=mod go mod download >&2)
		echo "$version" >"$dir/.connlint-prepared"
	fi
	echo "$version"
}
