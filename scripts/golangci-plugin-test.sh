#!/usr/bin/env bash
# Builds golangci-lint with connlint's module plugin and runs it on
# testdata/golangci, checking that:
#   1. connlint's findings appear, attributed to the linter "connlint";
#   2. //nolint:connlint suppresses a finding, both connlint's own handling
#      (on the line) and golangci-lint's (on a declaration: its whole body);
#   3. settings are honoured (strict, an extra acquisition, a families file
#      and a malformed one, refcycle's
#      registry rule, a disabled analyzer);
#   4. a misspelled setting fails the run loudly.
#
# The build follows `golangci-lint custom` (which clones golangci-lint with
# git), but offline from the module proxy: golangci-lint's module is
# downloaded with `go mod download`, copied, given a blank import of
# github.com/connlint/connlint/plugin in cmd/golangci-lint and a replace
# directive to this checkout, tidied and built.
#
# Slow (a few minutes: it compiles golangci-lint), so not part of go test.
#
#   scripts/golangci-plugin-test.sh            # golangci-lint v2.15.0
#   GCL_VERSION=v2.x.y scripts/golangci-plugin-test.sh
#   KEEP=1 scripts/golangci-plugin-test.sh     # keep the work directory
#   GCL_BIN=path/to/golangci-lint scripts/...  # only run the checks
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
version=${GCL_VERSION:-v2.15.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/connlint-gcl.XXXXXX")
cleanup() {
  if [ -n "${KEEP:-}" ]; then
    echo "work directory kept: $work"
  else
    chmod -R u+w "$work" && rm -rf "$work"
  fi
}
trap cleanup EXIT

step() { echo "== $*"; }
fail() { echo "FAIL: $*"; exit 1; }

if [ -n "${GCL_BIN:-}" ]; then
  gcl=$GCL_BIN
else
step "download github.com/golangci/golangci-lint/v2@$version from the module proxy"
src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || fail "go mod download gave no directory"
cp -R "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"

step "add the plugin import and replace github.com/connlint/connlint => $repo"
cd "$work/golangci-lint"
cat > cmd/golangci-lint/plugins.go <<'GO'
package main

import (
	_ "github.com/connlint/connlint/plugin"
)
GO
go mod edit -replace "github.com/connlint/connlint=$repo"
GOFLAGS=-mod=mod go mod tidy
grep -q "github.com/connlint/connlint" go.mod || fail "go mod tidy dropped the plugin"

step "build golangci-lint $version with the plugin"
gcl="$work/golangci-lint-connlint"
start=$SECONDS
go build -trimpath -ldflags "-X 'main.version=$version-custom-connlint' -X 'main.date=$(date -u +%FT%TZ)'" -o "$gcl" ./cmd/golangci-lint
echo "built in $((SECONDS - start))s"
fi
echo "$("$gcl" version)"

cd "$repo/testdata/golangci"
export GOLANGCI_LINT_CACHE="$work/cache"
run() { # run CONFIG: golangci-lint's output in $out, its exit code in $rc
  set +e
  out=$("$gcl" run --config "$1" --output.text.print-issued-lines=false ./... 2>&1)
  rc=$?
  set -e
  echo "\$ golangci-lint run --config $1 ./...   (exit $rc)"
  echo "$out" | sed 's/^/    /'
}
has() { grep -qF -- "$1" <<<"$out" || fail "output lacks: $1"; }
hasnt() { ! grep -qF -- "$1" <<<"$out" || fail "output has: $1"; }

step "1, 2: findings appear; //nolint:connlint suppresses"
run .golangci.yml
[ "$rc" -eq 1 ] || fail "want exit 1 (issues found), got $rc"
has "leaky/leaky.go:11:15: reservedclose: *sql.Conn acquired here is not released on the path returning at line 15 (call Close, or defer conn.Close() after the error check) (connlint)"
has "leaky/leaky.go:15:2: reservedclose(related information): this return leaks it (connlint)"
has "afterfunc/afterfunc.go:15:19: refcycle: the stop function returned by context.AfterFunc is discarded while the callback captures c"
hasnt "leaky/leaky.go:21:" # //nolint:connlint on the line (connlint and golangci-lint)
hasnt "leaky/leaky.go:34:" # //nolint:connlint on the declaration (golangci-lint's range)
hasnt "extra/use"          # not declared: not an acquisition
[ "$(grep -c '(connlint)$' <<<"$out")" -eq 3 ] || fail "want exactly 3 issues (2 findings, 1 related location)"

# Standalone connlint reports WholeFunction: the suppression above was
# golangci-lint's own nolint handling, applied to connlint's issues.
(cd "$repo" && go build -o "$work/connlint" ./cmd/connlint)
set +e
standalone=$("$work/connlint" ./leaky 2>&1)
set -e
grep -qF "leaky.go:34:15: *sql.Conn acquired here" <<<"$standalone" ||
  fail "standalone connlint should report WholeFunction: $standalone"
! grep -qF "leaky.go:21:" <<<"$standalone" || fail "standalone connlint should honour //nolint:connlint on the line"
echo "standalone connlint: reports leaky.go:34 (golangci-lint's declaration-wide nolint), not leaky.go:21"

hasnt "handoff"   # an interface method takes the connection over (not strict)
hasnt "registry"  # R4 is opt-in

step "3: settings are honoured: strict, acquire, refcycle.registry; disable"
run configs/settings.yml
[ "$rc" -eq 1 ] || fail "want exit 1 (issues found), got $rc"
has "handoff/handoff.go:16:15: reservedclose: *sql.Conn acquired here is not released on the path returning at line 21"
has "extra/use/use.go:11:12: reservedclose: *pool.Session acquired here is not released on the path returning at line 15 (call Put, or defer s.Put() after the error check) (connlint)"
has "registry/registry.go:20:9: refcycle: Server.conns receives *Conn values here, but no removal from Server.conns is reachable from (*Conn).Close"
has "leaky/leaky.go:11:15:"
has "afterfunc/afterfunc.go:15:19:"

run configs/disable.yml
[ "$rc" -eq 1 ] || fail "want exit 1 (issues found), got $rc"
has "leaky/leaky.go:11:15: reservedclose:"
hasnt "refcycle:"

# The families file (families/pool.yaml) uses more than acquire/release:
# after_release, released_on_error and a tie to the receiver each silence
# one function of extra/use, which the acquire setting alone reports; its
# lenders make the session Pool.With lends escape in Keep.
run configs/families.yml
[ "$rc" -eq 1 ] || fail "want exit 1 (issues found), got $rc"
has "extra/use/use.go:11:12: reservedclose: *pool.Session acquired here is not released on the path returning at line 15 (call Put, or defer s.Put() after the error check) (connlint)"
has "extra/use/use.go:35:15: reservedclose: *pool.Session Name called after its release at line 34"
hasnt "extra/use/use.go:19:" # Late: ID is an after-release method
hasnt "extra/use/use.go:40:" # Refresh: released when it fails
hasnt "extra/use/use.go:57:" # Scoped: closing the pool releases its sessions
hasnt "extra/use/use.go:55:" # the pool itself, a family of the file, is closed
has "extra/use/use.go:69:3: reservedclose: s, lent by (*pool.Pool).With for the callback's duration, is stored outside the callback" # lenders

step "3b: the same families file from the command line (-reservedclose.families)"
set +e
flagout=$("$work/connlint" -reservedclose.families=families/pool.yaml ./extra/... 2>&1)
flagrc=$?
set -e
echo "$flagout" | sed 's/^/    /'
[ "$flagrc" -eq 3 ] || fail "standalone -reservedclose.families: want exit 3 (findings), got $flagrc"
[ "$(grep -c 'extra/use/use.go:[0-9]*:[0-9]*: \*pool.Session' <<<"$flagout")" -eq 2 ] ||
  fail "standalone -reservedclose.families: want the same 2 findings as the plugin"
grep -qF "extra/use/use.go:11:12: *pool.Session acquired here is not released on the path returning at line 15" <<<"$flagout" ||
  fail "standalone -reservedclose.families: the leak in ID is missing"
grep -qF "extra/use/use.go:35:15: *pool.Session Name called after its release at line 34" <<<"$flagout" ||
  fail "standalone -reservedclose.families: the use after release in Name is missing"
grep -qF "extra/use/use.go:69:3: s, lent by (*pool.Pool).With for the callback's duration, is stored outside the callback" <<<"$flagout" ||
  fail "standalone -reservedclose.families: the escape of the lent session in Keep is missing"
set +e
flagout=$("$work/connlint" -reservedclose.families=families/malformed.yaml ./extra/... 2>&1)
flagrc=$?
set -e
[ "$flagrc" -eq 1 ] || fail "standalone malformed families file: want exit 1 (error), got $flagrc"
grep -qF "families/malformed.yaml:2: family example.com/golangci/extra/pool.Session: no release method" <<<"$flagout" ||
  fail "standalone malformed families file: the error does not name the line: $flagout"
echo "standalone connlint: the same findings from -reservedclose.families; a malformed file is an error naming its line"

run configs/families-malformed.yml
[ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] || fail "want a failure exit code (not 0, not 1 = issues), got $rc"
has "families/malformed.yaml:2: family example.com/golangci/extra/pool.Session: no release method"
hasnt "leaky.go"

step "4: a misspelled setting fails loudly"
run configs/misspelled.yml
[ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] || fail "want a failure exit code (not 0, not 1 = issues), got $rc"
has 'unknown field "stirct"'
hasnt "leaky.go" # no issues reported

echo "PASS: golangci-lint $version with the connlint plugin"
