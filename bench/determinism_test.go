// Package bench holds the benchmark harness (run.sh, the floor analyzer)
// and a determinism test of the built connlint binary.
package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
// facts, a test file, reports from both analyzers) with the given
// GOMAXPROCS.
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

// TestDeterminism checks that the same input gives byte-identical output,
// in text and JSON, across runs and GOMAXPROCS values.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the connlint binary five times")
	}
	type spec struct {
		name  string
		procs int
		json  bool
	}
	specs := []spec{
		{"text/P2", 2, false},
		{"text/P1", 1, false},
		{"text/P2-again", 2, false},
		{"json/P2", 2, true},
		{"json/P1", 1, true},
	}
	results := make([]result, len(specs))
	errs := make([]error, len(specs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2) // each run type-checks its dependencies from source
	for i, s := range specs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var args []string
			if s.json {
				args = append(args, "-json")
			}
			results[i], errs[i] = run(s.procs, args...)
		})
	}
	wg.Wait()

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
		j, seen := first[s.json]
		if !seen {
			first[s.json] = i
			out := r.stderr
			if s.json {
				out = r.stdout
			}
			// Both analyzers report, several packages are involved, and a
			// finding needs a fact from another package (pool.Borrow).
			for _, want := range []string{"store.go", "store_test.go", "pool.go", "after.go",
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
		if !bytes.Equal(r.stdout, results[j].stdout) {
			t.Errorf("%s: stdout differs from %s:\n%s", s.name, specs[j].name, diffLines(results[j].stdout, r.stdout))
		}
		if !bytes.Equal(r.stderr, results[j].stderr) {
			t.Errorf("%s: stderr differs from %s:\n%s", s.name, specs[j].name, diffLines(results[j].stderr, r.stderr))
		}
	}
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
