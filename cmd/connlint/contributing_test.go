package main_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestContributingPaths checks that every file CONTRIBUTING.md names or
// links to exists (names with a placeholder in capitals, NAME or rN, and
// the gitignored bench/out, are not files), and that the scripts it runs
// are executable.
func TestContributingPaths(t *testing.T) {
	doc := contributing(t)
	var paths []string
	for _, m := range regexp.MustCompile(`\]\(([^)#]+)[^)]*\)`).FindAllStringSubmatch(doc, -1) {
		if !strings.Contains(m[1], "://") {
			paths = append(paths, m[1])
		}
	}
	named := regexp.MustCompile(`(?:^|[\s\x60(])((?:internal|passes|testdata|bench|scripts|docs|cmd|runtime|plugin|\.ci)/[\w./-]*\w)`)
	for _, m := range named.FindAllStringSubmatch(doc, -1) {
		p := m[1]
		if strings.ContainsAny(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") || strings.HasPrefix(p, "bench/out") {
			continue
		}
		paths = append(paths, p)
	}
	require.NotEmpty(t, paths)
	for _, p := range paths {
		info, err := os.Stat(filepath.Join(repo, filepath.FromSlash(p)))
		if !assert.NoError(t, err, "CONTRIBUTING.md names %s", p) {
			continue
		}
		if strings.HasSuffix(p, ".sh") || p == ".ci/run" {
			assert.NotZero(t, info.Mode()&0o111, "%s is not executable", p)
		}
	}
}

// TestContributingTestCommands checks each `go test` command of
// CONTRIBUTING.md: its packages exist and have tests, and every test its
// -run pattern names is a test of one of them.
func TestContributingTestCommands(t *testing.T) {
	doc := strings.Join(strings.Fields(contributing(t)), " ")
	cmds := regexp.MustCompile(`go test( [^\x60]+)`).FindAllStringSubmatch(doc, -1)
	require.NotEmpty(t, cmds)
	for _, c := range cmds {
		var pkgs, tests []string
		args := strings.Fields(c[1])
		for i := 0; i < len(args); i++ {
			switch a := args[i]; {
			case a == "-run" && i+1 < len(args):
				i++
				tests = append(tests, strings.Split(strings.Trim(args[i], "^$"), "|")...)
			case strings.HasPrefix(a, "./"):
				pkgs = append(pkgs, strings.TrimSuffix(a, "/"))
			}
		}
		if len(pkgs) == 0 || slices.Contains(pkgs, "./...") {
			continue
		}
		var declared []string
		for _, p := range pkgs {
			funcs := testFuncs(t, filepath.Join(repo, filepath.FromSlash(p)))
			assert.NotEmpty(t, funcs, "go test%s: %s has no tests", c[1], p)
			declared = append(declared, funcs...)
		}
		for _, name := range tests {
			assert.Contains(t, declared, name, "go test%s: no test %s in %v", c[1], name, pkgs)
		}
	}
}

func contributing(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repo, "CONTRIBUTING.md"))
	require.NoError(t, err)
	return string(src)
}

// testFuncs returns the names of the Test functions in a directory's test
// files.
func testFuncs(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	require.NoError(t, err)
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") && fn.Name.Name != "TestMain" {
				out = append(out, fn.Name.Name)
			}
		}
	}
	return out
}

// TestContributingScriptArgs checks the arguments CONTRIBUTING.md gives
// the sweep, corpus and benchmark scripts: each is a module or target the
// script knows (the scripts reject others before doing any work).
func TestContributingScriptArgs(t *testing.T) {
	n := 0
	for line := range strings.SplitSeq(contributing(t), "\n") {
		line, _, _ = strings.Cut(line, "#")
		var script string
		var args []string
		for _, w := range strings.Fields(line) {
			switch {
			case script == "" && strings.Contains(w, "="):
				// an environment assignment
			case script == "" && (strings.HasPrefix(w, "scripts/") || strings.HasPrefix(w, "bench/")) && strings.HasSuffix(w, ".sh"):
				script = w
			case script != "":
				args = append(args, w)
			}
		}
		if script == "" {
			continue
		}
		src, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(script)))
		if !assert.NoError(t, err) {
			continue
		}
		for _, a := range args {
			n++
			assert.Regexp(t, `[\s"(|]`+regexp.QuoteMeta(a)+`[\s)|]`, string(src), "%s does not know %q", script, a)
		}
	}
	assert.NotZero(t, n, "CONTRIBUTING.md runs no script with arguments")
}
