// Package bench holds the benchmark harness (run.sh, the floor analyzer)
// and a determinism test of the built connlint binary.
package bench

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	// Linked in only so that go test's result cache is keyed on the
	// analyzers: the test runs a binary built from them, which go test
	// cannot see.
	_ "github.com/connlint/connlint/passes/refcycle"
	_ "github.com/connlint/connlint/passes/reservedclose"
)

var connlint string // the binary under test, built by TestMain

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		return m.Run() // TestDeterminism skips itself: no binary needed
	}
	dir, err := os.MkdirTemp("", "connlint-det")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	connlint = filepath.Join(dir, "connlint")
	build := exec.Command("go", "build", "-o", connlint, "../cmd/connlint")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// A result is what one run of connlint printed, and how it exited.
type result struct {
	stdout, stderr []byte
	code           int
}

// run runs connlint on the testdata module (three packages that exchange
// facts, a test file, reports from both analyzers, and a package of 16
// files) with the given GOMAXPROCS.
func run(procs int, args ...string) (result, error) {
	cmd := exec.Command(connlint, append(args, "./...")...)
	cmd.Dir = "testdata"
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs), "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return result{stdout.Bytes(), stderr.Bytes(), ee.ExitCode()}, nil
	}
	return result{stdout.Bytes(), stderr.Bytes(), 0}, err
}

// unsortedOpen names an ordering bug while one is open (output that
// differs only in order is then logged, not failed). The last one, sorting
// diagnostics by token.Pos (whose file order follows go/packages' parallel
// parsing), was fixed by sorting by file name, line and column
// (analysisutil.SortDiagnostics); package many (16 files) shows it.
const unsortedOpen = ""

// TestDeterminism checks that the same input gives byte-identical output,
// in text and JSON, across runs and GOMAXPROCS values of the in-process
// driver (-cache=false: each run analyses everything again), that the
// cached driver (the default, through go vet) prints the same bytes, and
// that each analyzer's diagnostics for a package come in file, line,
// column order.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the connlint binary seven times")
	}
	type spec struct {
		name   string
		procs  int
		json   bool
		cached bool
	}
	specs := []spec{
		{"text/P2", 2, false, false},
		{"text/P1", 1, false, false},
		{"text/P2-again", 2, false, false},
		{"json/P2", 2, true, false},
		{"json/P1", 1, true, false},
		{"text/cached", 2, false, true},
		{"json/cached", 2, true, true},
	}
	results := make([]result, len(specs))
	errs := make([]error, len(specs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2) // each run type-checks its dependencies from source
	for i, s := range specs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			args := []string{"-cache=false"}
			if s.cached {
				args = nil
			}
			if s.json {
				args = append(args, "-json")
			}
			results[i], errs[i] = run(s.procs, args...)
		})
	}
	wg.Wait()

	var orderOnly []string  // differences in order alone
	first := map[bool]int{} // per format, the index of its first run
	for i, s := range specs {
		r := results[i]
		if errs[i] != nil {
			t.Fatalf("%s: %v\n%s", s.name, errs[i], r.stderr)
		}
		// Exit codes: 3 findings in text mode; 0 with -json.
		if want := map[bool]int{false: 3, true: 0}[s.json]; r.code != want {
			t.Fatalf("%s: exit code %d, want %d\nstderr:\n%s", s.name, r.code, want, r.stderr)
		}
		out := r.stderr
		if s.json {
			out = r.stdout
			if msg := unsorted(out); msg != "" {
				orderOnly = append(orderOnly, s.name+": "+msg)
			}
		}
		j, seen := first[s.json]
		if !seen {
			first[s.json] = i
			// Both analyzers report, several packages are involved, and a
			// finding needs a fact from another package (pool.Borrow).
			for _, want := range []string{"store.go", "store_test.go", "pool.go", "after.go", "many/f16.go",
				"*pool.Conn acquired here", "pop unlinks c", "context.AfterFunc"} {
				if !bytes.Contains(out, []byte(want)) {
					t.Errorf("%s: output lacks %q:\n%s", s.name, want, out)
				}
			}
			if s.json && (!bytes.Contains(out, []byte(`"reservedclose"`)) || !bytes.Contains(out, []byte(`"refcycle"`))) {
				t.Errorf("%s: JSON lacks an analyzer:\n%s", s.name, out)
			}
			continue
		}
		for _, stream := range []struct {
			name      string
			got, want []byte
		}{{"stdout", r.stdout, results[j].stdout}, {"stderr", r.stderr, results[j].stderr}} {
			switch {
			case bytes.Equal(stream.got, stream.want):
			case sameLines(stream.got, stream.want):
				orderOnly = append(orderOnly, fmt.Sprintf("%s: %s in another order than %s", s.name, stream.name, specs[j].name))
			default:
				t.Errorf("%s: %s differs from %s:\n%s", s.name, stream.name, specs[j].name, diffLines(stream.want, stream.got))
			}
		}
	}
	switch {
	case len(orderOnly) > 0 && unsortedOpen == "":
		t.Errorf("output order is not deterministic:\n%s", strings.Join(orderOnly, "\n"))
	case len(orderOnly) > 0:
		t.Logf("still open (%s):\n%s", unsortedOpen, strings.Join(orderOnly, "\n"))
	case unsortedOpen != "":
		t.Errorf("every run gave the same bytes, in position order: delete unsortedOpen")
	}
}

// unsorted returns why the diagnostics of a -json output are not in file,
// line, column order within each package and analyzer, or "".
func unsorted(out []byte) string {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return "unreadable JSON: " + err.Error()
	}
	for pkg, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []struct{ Posn string }
			if json.Unmarshal(raw, &diags) != nil {
				continue // an {"error": ...} entry
			}
			for i := 1; i < len(diags); i++ {
				if comparePosn(diags[i-1].Posn, diags[i].Posn) > 0 {
					return fmt.Sprintf("%s %s: %s before %s", pkg, name, diags[i-1].Posn, diags[i].Posn)
				}
			}
		}
	}
	return ""
}

// comparePosn orders "file:line:col" positions by file, then line, then
// column.
func comparePosn(a, b string) int {
	split := func(p string) (string, int, int) {
		var line, col int
		i := strings.LastIndexByte(p, ':')
		j := strings.LastIndexByte(p[:max(i, 0)], ':')
		if i < 0 || j < 0 {
			return p, 0, 0
		}
		fmt.Sscan(p[j+1:i], &line)
		fmt.Sscan(p[i+1:], &col)
		return p[:j], line, col
	}
	fa, la, ca := split(a)
	fb, lb, cb := split(b)
	return cmp.Or(strings.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
}

// sameLines reports whether a and b hold the same lines in any order.
func sameLines(a, b []byte) bool {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	slices.Sort(al)
	slices.Sort(bl)
	return slices.Equal(al, bl)
}

// diffLines shows the first line where a and b differ.
func diffLines(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "(same lines)"
}
