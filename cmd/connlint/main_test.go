package main_test

// End-to-end tests of the built binary: standalone (text and SARIF), as a
// go vet tool, through go fix, as a go tool, and as pre-commit installs it.
// They run on testdata/e2e, a module with its own go.mod that imports only
// the standard library, so they need no network.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/connlint/connlint/internal/sarif"
)

var (
	bin  string // the connlint binary under test
	e2e  string // testdata/e2e
	repo string // the repository root
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "connlint-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "connlint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building connlint: %v\n%s", err, out)
		return 1
	}
	e2e, _ = filepath.Abs(filepath.Join("testdata", "e2e"))
	repo, _ = filepath.Abs(filepath.Join("..", ".."))
	return m.Run()
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs a command in dir and returns its output and exit code.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		require.True(t, ok, "running %s %v: %v", name, args, err)
		code = ee.ExitCode()
	}
	return result{stdout.String(), stderr.String(), code}
}

func connlint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, nil, bin, args...)
}

// copyModule copies testdata/e2e into a fresh directory (under sub, if
// given) so a test can modify it.
func copyModule(t *testing.T, sub string) (root, mod string) {
	t.Helper()
	root = t.TempDir()
	mod = filepath.Join(root, sub)
	require.NoError(t, os.CopyFS(mod, os.DirFS(e2e)))
	return root, mod
}

// reports returns the report lines (not their related lines) of text output.
func reports(out string) []string {
	var lines []string
	for l := range strings.SplitSeq(out, "\n") {
		if strings.Contains(l, ".go:") && !strings.Contains(l, ": \t") {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"clean", []string{"./clean"}, 0},
		{"findings", []string{"./leaky"}, 3},
		{"type error", []string{"./broken"}, 1},
		{"no such package", []string{"./nosuch"}, 1},
		{"bad flag", []string{"-nosuch", "./clean"}, 1},
		{"bad flag value", []string{"-reservedclose.acquire", "nodot:Close", "./clean"}, 1},
		{"no packages", nil, 1},
		{"help", []string{"-help"}, 0},
		{"sarif clean", []string{"-format=sarif", "./clean"}, 0},
		{"sarif findings", []string{"-format", "sarif", "./leaky"}, 3},
		{"sarif type error", []string{"-format=sarif", "./broken"}, 1},
		{"sarif bad flag", []string{"-format=sarif", "-json", "./clean"}, 1},
		{"sarif no packages", []string{"-format=sarif"}, 1},
		{"bad format", []string{"-format=yaml", "./clean"}, 1},
		{"text format", []string{"-format=text", "./leaky"}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := connlint(t, e2e, tc.args...)
			assert.Equal(t, tc.want, r.code, "connlint %v\nstdout:\n%s\nstderr:\n%s", tc.args, r.stdout, r.stderr)
		})
	}
}

func TestStandaloneReport(t *testing.T) {
	t.Parallel()
	r := connlint(t, e2e, "./leaky")
	require.Equal(t, 3, r.code, r.stderr)
	assert.Contains(t, r.stderr, filepath.Join("leaky", "leaky.go")+":12:15: *sql.Conn acquired here is not released on the path returning at line 16 (call Close, or defer conn.Close() after the error check)")
	assert.Contains(t, r.stderr, filepath.Join("leaky", "leaky.go")+":16:2: \tthis return leaks it")
}

func TestHelpListsAnalyzersAndFlags(t *testing.T) {
	t.Parallel()
	r := connlint(t, e2e, "-help")
	require.Equal(t, 0, r.code)
	for _, want := range []string{
		"reservedclose", "https://github.com/connlint/connlint/blob/main/docs/reservedclose.md",
		"refcycle", "https://github.com/connlint/connlint/blob/main/docs/refcycle.md",
		"-format", "-reservedclose.strict", "-reservedclose.acquire", "-reservedclose.families", "-refcycle.registry",
		"-test", "-fix", "-diff", "-json", "//nolint:connlint", "//connlint:ignore REASON",
	} {
		assert.Contains(t, r.stderr, want)
	}

	r = connlint(t, e2e, "help", "reservedclose")
	require.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "reservedclose: check that every acquired connection-like resource is released on all paths")
	assert.Contains(t, r.stdout, "-reservedclose.strict")
}

// In the suppressed package every function leaks; only the one whose
// //nolint names another linter is reported.
const suppressedReport = ":50:15: *sql.Conn acquired here is not released"

func TestSuppressionStandalone(t *testing.T) {
	t.Parallel()
	r := connlint(t, e2e, "./suppressed")
	require.Equal(t, 3, r.code, r.stderr)
	got := reports(r.stderr)
	require.Len(t, got, 1, r.stderr)
	assert.Contains(t, got[0], suppressedReport)
}

func TestVetTool(t *testing.T) {
	t.Parallel()
	t.Run("clean", func(t *testing.T) {
		t.Parallel()
		r := run(t, e2e, nil, "go", "vet", "-vettool="+bin, "./clean")
		assert.Equal(t, 0, r.code, r.stderr)
	})
	t.Run("findings", func(t *testing.T) {
		t.Parallel()
		r := run(t, e2e, nil, "go", "vet", "-vettool="+bin, "./leaky")
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "leaky.go:12:15: *sql.Conn acquired here is not released on the path returning at line 16")
	})
	t.Run("suppression", func(t *testing.T) {
		t.Parallel()
		r := run(t, e2e, nil, "go", "vet", "-vettool="+bin, "./suppressed")
		assert.Equal(t, 1, r.code)
		got := reports(r.stderr)
		require.Len(t, got, 1, r.stderr)
		assert.Contains(t, got[0], suppressedReport)
	})
	t.Run("analyzer flags", func(t *testing.T) {
		t.Parallel()
		r := run(t, e2e, nil, "go", "vet", "-vettool="+bin, "./extra/use")
		assert.Equal(t, 0, r.code, r.stderr)
		r = run(t, e2e, nil, "go", "vet", "-vettool="+bin, "-reservedclose.acquire=example.com/e2e/extra/pool.Pool.Get:Put", "./extra/use")
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "use.go:10:12: *pool.Session acquired here is not released")
	})
	t.Run("sarif is not a vet flag", func(t *testing.T) {
		t.Parallel()
		r := run(t, e2e, nil, "go", "vet", "-vettool="+bin, "-format=sarif", "./clean")
		assert.NotEqual(t, 0, r.code, "go vet must refuse -format rather than ignore it")
	})
}

const fixedPing = `	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
`

// TestSuggestedFixes applies the fix of the leaky package three ways: the
// standalone -fix, go vet -fix and go fix -fixtool.
func TestSuggestedFixes(t *testing.T) {
	t.Parallel()
	for name, cmd := range map[string][]string{
		"connlint -fix": {bin, "-fix", "./leaky"},
		"go vet -fix":   {"go", "vet", "-vettool=" + bin, "-fix", "./leaky"},
		"go fix":        {"go", "fix", "-fixtool=" + bin, "./leaky"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, mod := copyModule(t, "")
			r := run(t, mod, nil, cmd[0], cmd[1:]...)
			require.Equal(t, 0, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			src, err := os.ReadFile(filepath.Join(mod, "leaky", "leaky.go"))
			require.NoError(t, err)
			assert.Contains(t, string(src), fixedPing)
			assert.Equal(t, 0, connlint(t, mod, "./leaky").code, "fixed code is clean")
		})
	}

	t.Run("go fix -diff", func(t *testing.T) {
		t.Parallel()
		_, mod := copyModule(t, "")
		r := run(t, mod, nil, "go", "fix", "-fixtool="+bin, "-diff", "./leaky")
		assert.NotEqual(t, 0, r.code, "a non-empty diff fails")
		assert.Contains(t, r.stdout, "+\tdefer conn.Close()")
		src, err := os.ReadFile(filepath.Join(mod, "leaky", "leaky.go"))
		require.NoError(t, err)
		assert.NotContains(t, string(src), "\tdefer conn.Close()", "-diff leaves the file alone")
	})
}

// sarifRun runs connlint -format=sarif in a copy of the module placed in
// svc/ under a directory with .git, as in a repository whose Go module is
// not at the root, and checks the log.
func sarifRun(t *testing.T, args ...string) (result, *sarif.Log) {
	t.Helper()
	root, mod := copyModule(t, "svc")
	require.NoError(t, os.Mkdir(filepath.Join(root, ".git"), 0o755))
	r := connlint(t, mod, append([]string{"-format=sarif"}, args...)...)
	require.NoError(t, sarif.Check([]byte(r.stdout)), "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	var log sarif.Log
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log))
	return r, &log
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	r, log := sarifRun(t, "./clean", "./leaky", "./stack", "./afterfunc", "./suppressed")
	require.Equal(t, 3, r.code, r.stderr)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.True(t, run.Invocations[0].ExecutionSuccessful)

	rules := make(map[string]sarif.ReportingDescriptor)
	for _, rule := range run.Tool.Driver.Rules {
		rules[rule.ID] = rule
	}
	assert.Equal(t, "https://github.com/connlint/connlint/blob/main/docs/reservedclose.md", rules["reservedclose"].HelpURI)
	assert.Equal(t, "https://github.com/connlint/connlint/blob/main/docs/refcycle.md", rules["refcycle"].HelpURI)
	assert.Equal(t, "https://github.com/connlint/connlint/blob/main/docs/refcycle.md#r3-unlinked-node-keeps-its-link", rules["refcycle/R3"].HelpURI)
	assert.Equal(t, "https://github.com/connlint/connlint/blob/main/docs/reservedclose.md#leaks", rules["reservedclose/leak"].HelpURI)
	assert.Contains(t, rules["reservedclose"].Help.Text, "An acquisition is a call that returns a resource")

	type got struct {
		rule, uri string
		line      int
		related   []int
	}
	var results []got
	for _, res := range run.Results {
		assert.Contains(t, run.Tool.Driver.Rules[res.RuleIndex].HelpURI, ".md#", "%s links to its section of the docs", res.RuleID)
		loc := res.Locations[0].PhysicalLocation
		assert.Equal(t, sarif.SrcRoot, loc.ArtifactLocation.URIBaseID)
		g := got{res.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine, nil}
		for _, rl := range res.RelatedLocations {
			assert.Equal(t, loc.ArtifactLocation, rl.PhysicalLocation.ArtifactLocation)
			g.related = append(g.related, rl.PhysicalLocation.Region.StartLine)
		}
		results = append(results, g)
	}
	assert.Equal(t, []got{
		{"refcycle/R5", "svc/afterfunc/afterfunc.go", 15, nil},
		{"reservedclose/leak", "svc/leaky/leaky.go", 12, []int{16}}, // the leaking exit
		{"refcycle/R3", "svc/stack/stack.go", 31, []int{37}},
		{"reservedclose/leak", "svc/suppressed/suppressed.go", 50, []int{54}},
	}, results)
}

func TestSARIFFlags(t *testing.T) {
	t.Parallel()
	_, log := sarifRun(t, "-reservedclose=false", "./leaky", "./afterfunc")
	require.Len(t, log.Runs[0].Results, 1)
	assert.Equal(t, "refcycle/R5", log.Runs[0].Results[0].RuleID)

	r, log := sarifRun(t, "-reservedclose.acquire", "example.com/e2e/extra/pool.Pool.Get:Put", "./extra/use")
	assert.Equal(t, 3, r.code)
	require.Len(t, log.Runs[0].Results, 1)
	assert.Contains(t, log.Runs[0].Results[0].Message.Text, "*pool.Session acquired here")
}

func TestSARIFOnErrors(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("a load error makes the run uncached: it analyses ./leaky's dependencies in process")
	}
	r, log := sarifRun(t, "./broken", "./leaky")
	assert.Equal(t, 1, r.code)
	inv := log.Runs[0].Invocations[0]
	assert.False(t, inv.ExecutionSuccessful)
	require.NotEmpty(t, inv.ToolExecutionNotifications)
	assert.Contains(t, inv.ToolExecutionNotifications[0].Message.Text, "undefined: undefinedName")
	assert.Contains(t, r.stderr, "undefined: undefinedName")
	assert.Len(t, log.Runs[0].Results, 1, "the packages that load are still reported")
}

// TestDiagnosticURLsPointAtDocSections checks that every documentation
// anchor the analyzers put in a diagnostic URL is a heading of the docs
// file their URL names, as GitHub renders it.
func TestDiagnosticURLsPointAtDocSections(t *testing.T) {
	t.Parallel()
	passes, err := filepath.Glob(filepath.Join(repo, "passes", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, passes)
	urlConst := regexp.MustCompile(`^https://github\.com/connlint/connlint/blob/main/(docs/[a-z]+\.md)$`)
	for _, dir := range passes {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			lits := stringLiterals(t, dir)
			var doc string
			for _, l := range lits {
				if m := urlConst.FindStringSubmatch(l); m != nil {
					doc = m[1]
				}
			}
			require.NotEmpty(t, doc, "package %s declares its docs URL", name)
			anchors := headingAnchors(t, filepath.Join(repo, filepath.FromSlash(doc)))
			n := 0
			for _, l := range lits {
				if a, ok := strings.CutPrefix(l, "#"); ok && a != "" {
					n++
					assert.Contains(t, anchors, a, "%s: anchor #%s is not a heading of %s", name, a, doc)
				}
			}
			assert.NotZero(t, n, "package %s links its diagnostics to sections", name)
		})
	}
}

// stringLiterals returns the string constants in a package's non-test files.
func stringLiterals(t *testing.T, dir string) []string {
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, s)
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	return out
}

// headingAnchors returns the anchors GitHub gives a Markdown file's
// headings: lower case, spaces to hyphens, other punctuation dropped.
func headingAnchors(t *testing.T, path string) []string {
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []string
	inCode := false
	for line := range strings.SplitSeq(string(src), "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(line, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestGoTool installs connlint as a tool of another module (go get -tool,
// resolved to this checkout by a replace directive) and runs it with go
// tool, standalone and as a vet tool. GOPROXY=off: everything comes from
// the checkout and the module cache.
func TestGoTool(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds connlint inside another module")
	}
	dir := t.TempDir()
	gomod := "module example.com/tooluser\n\ngo 1.26\n\nreplace github.com/connlint/connlint => " + repo + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))
	leaky, err := os.ReadFile(filepath.Join(e2e, "leaky", "leaky.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "leaky.go"), leaky, 0o644))
	env := []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}

	r := run(t, dir, env, "go", "get", "-tool", "github.com/connlint/connlint/cmd/connlint")
	require.Equal(t, 0, r.code, r.stderr)
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(mod), "tool github.com/connlint/connlint/cmd/connlint")

	r = run(t, dir, env, "go", "tool", "connlint", "./...")
	assert.Equal(t, 3, r.code, r.stderr)
	assert.Contains(t, r.stderr, "leaky.go:12:15: *sql.Conn acquired here is not released")

	r = run(t, dir, env, "go", "tool", "-n", "connlint")
	require.Equal(t, 0, r.code, r.stderr)
	tool := strings.TrimSpace(r.stdout)
	r = run(t, dir, env, "go", "vet", "-vettool="+tool, "./...")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "leaky.go:12:15: *sql.Conn acquired here is not released")
}

// TestPreCommitHook checks the hook manifest, then performs the install
// step of pre-commit's golang language (go install ./... in a clone of the
// repository) and checks that every main package, connlint included,
// builds.
func TestPreCommitHook(t *testing.T) {
	t.Parallel()
	hooks := readHooks(t, filepath.Join(repo, ".pre-commit-hooks.yaml"))
	require.Len(t, hooks, 1)
	h := hooks[0]
	assert.Equal(t, "connlint", h.ID)
	assert.NotEmpty(t, h.Name)
	assert.NotEmpty(t, h.Description)
	assert.Equal(t, "golang", h.Language)
	assert.Equal(t, "connlint", h.Entry)
	assert.Equal(t, []string{"./..."}, h.Args)
	require.NotNil(t, h.PassFilenames)
	assert.False(t, *h.PassFilenames, "connlint loads whole packages, not files")
	require.NotNil(t, h.RequireSerial)
	assert.True(t, *h.RequireSerial, "one connlint at a time: it analyses all packages")
	assert.Equal(t, []string{"go"}, h.Types)

	if testing.Short() {
		t.Skip("go install ./...")
	}
	gobin := t.TempDir()
	r := run(t, repo, []string{"GOBIN=" + gobin}, "go", "install", "./...")
	require.Equal(t, 0, r.code, r.stderr)
	r = run(t, repo, nil, "go", "list", "-f", "{{if eq .Name \"main\"}}{{.ImportPath}}{{end}}", "./...")
	require.Equal(t, 0, r.code, r.stderr)
	mains := strings.Fields(r.stdout)
	require.Contains(t, mains, "github.com/connlint/connlint/cmd/connlint")
	for _, m := range mains {
		exe := filepath.Base(m)
		if runtime.GOOS == "windows" {
			exe += ".exe"
		}
		assert.FileExists(t, filepath.Join(gobin, exe), "go install ./... builds %s", m)
	}

	// pre-commit then runs `entry args` in the user's repository.
	installed := filepath.Join(gobin, filepath.Base(bin))
	assert.Equal(t, 0, run(t, e2e, nil, installed, "./clean").code)
	assert.Equal(t, 3, run(t, e2e, nil, installed, "./leaky").code)
}

// hook is an entry of a pre-commit hooks manifest.
type hook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	Entry         string   `yaml:"entry"`
	Args          []string `yaml:"args"`
	Language      string   `yaml:"language"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	RequireSerial *bool    `yaml:"require_serial"`
	Types         []string `yaml:"types"`
}

// readHooks decodes a manifest, refusing keys pre-commit would not know.
func readHooks(t *testing.T, path string) []hook {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	var hooks []hook
	require.NoError(t, dec.Decode(&hooks))
	return hooks
}
