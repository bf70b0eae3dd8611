package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCachedMatchesInProcess runs each command line twice, through the
// cached driver (the default: go vet -vettool, rendered by connlint) and
// the in-process one (-cache=false), and requires the same bytes on stdout
// and stderr and the same exit code. The runs that fail (a package that
// does not type-check) are redone in process by the cached driver, so they
// match by construction; they are here to keep it that way.
func TestCachedMatchesInProcess(t *testing.T) {
	t.Parallel()
	loads := "./leaky ./stack ./afterfunc ./suppressed ./extra/..."
	cases := []string{loads} // each case costs an uncached analysis
	if !testing.Short() {
		cases = append(cases,
			"-json "+loads,
			"-format=sarif "+loads,
			"./...", // ./broken does not type-check: exit 1, errors and findings
			"-json ./...",
			"-format=sarif ./...",
			"-c 2 ./leaky ./stack",
			"-reservedclose=false ./leaky ./afterfunc",
			"-refcycle ./stack ./leaky",
			"-reservedclose.acquire example.com/e2e/extra/pool.Pool.Get:Put -format sarif ./extra/use",
			"./clean",
			"-json ./clean",
		)
	}
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			t.Parallel()
			args := strings.Fields(c)
			cached := connlint(t, e2e, args...)
			inProcess := connlint(t, e2e, append([]string{"-cache=false"}, args...)...)
			assert.Equal(t, inProcess.code, cached.code, "exit code")
			assert.Equal(t, inProcess.stdout, cached.stdout, "stdout")
			assert.Equal(t, inProcess.stderr, cached.stderr, "stderr")
		})
	}
}

// TestCachedRunSeesEdits checks that the go command's cache never serves a
// stale result: a directive added to a dependency (a fact that crosses the
// package boundary) changes the report of the package that imports it,
// and removing it again restores the first answer.
func TestCachedRunSeesEdits(t *testing.T) {
	t.Parallel()
	_, mod := copyModule(t, "")
	path := filepath.Join(mod, "extra", "pool", "pool.go")
	orig, err := os.ReadFile(path)
	require.NoError(t, err)
	annotated := strings.Replace(string(orig), "func (p *Pool) Get()", "//connlint:acquire\nfunc (p *Pool) Get()", 1)
	annotated = strings.Replace(annotated, "func (s *Session) Put()", "//connlint:release\nfunc (s *Session) Put()", 1)
	require.NotEqual(t, string(orig), annotated)

	r := connlint(t, mod, "./extra/...")
	require.Equal(t, 0, r.code, r.stderr)

	require.NoError(t, os.WriteFile(path, []byte(annotated), 0o644))
	r = connlint(t, mod, "./extra/...")
	assert.Equal(t, 3, r.code, r.stderr)
	assert.Contains(t, r.stderr, filepath.Join("use", "use.go")+":10:12: *pool.Session acquired here is not released")

	require.NoError(t, os.WriteFile(path, orig, 0o644))
	r = connlint(t, mod, "./extra/...")
	assert.Equal(t, 0, r.code, r.stderr)
}
