package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
)

// A reproducer is a package under testdata/src/triage: a minimised false
// report or crash that scripts/sweep.sh found on real code (see
// docs/triage.md). Its // want comments and its package comment state the
// expected behaviour.
type reproducer struct {
	analyzer *analysis.Analyzer
	// open is the diagnosis while the engine does not behave as expected
	// yet: the test then checks that the reproducer still fails, so that a
	// fix is noticed (delete the line once it passes).
	open string
	// crash: the analyzer panics on it today, which would kill the test
	// binary (the driver runs analyzers on their own goroutines), so it is
	// not run until fixed.
	crash bool
}

var reproducers = map[string]reproducer{
	"gocallpanic": {analyzer: refcycle.Analyzer, crash: true,
		open: "refcycle heapGraph.call: call.Value() of a go/defer is a nil *ssa.Call in a non-nil ssa.Value; result() calls Type on it"},
	"queryrow": {analyzer: reservedclose.Analyzer,
		open: "a wrapper converting its acquisition to a type without release methods (pgx QueryRow -> Row) gets an AcquireFact"},
	"recvkeep": {analyzer: reservedclose.Analyzer,
		open: "receiverEffect decides non-release methods of the resource as borrows before the callee's summary (keep) is consulted"},
	"batchtx": {analyzer: reservedclose.Analyzer,
		open: "families table: pgx.BatchResults.Tx is documented for use after Close (AfterRelease)"},
	"scanerr": {analyzer: reservedclose.Analyzer,
		open: "families table: pgx Rows.Scan closes the rows when it returns an error"},
	"testify": {analyzer: reservedclose.Analyzer,
		open: "testify require.* stop the test (t.FailNow) when they fail; the engine does not know it"},
	"nestedtx": {analyzer: reservedclose.Analyzer,
		open: "a pgx pseudo-nested Tx is ended by its parent's Rollback/Commit"},
	"poolput": {analyzer: reservedclose.Analyzer,
		open: "element-wise release of a collection accepts release methods only, not a call that keeps each element"},
	"collectcapture": {analyzer: reservedclose.Analyzer,
		open: "a collection captured by a closure is not released element-wise; its release loop is reported as a double release"},
	"sqlctx": {analyzer: reservedclose.Analyzer,
		open: "database/sql closes Rows / rolls back a Tx when their context is canceled, and a Tx's Rows when it ends"},
	"errproof": {analyzer: reservedclose.Analyzer,
		open: "err == sentinel, errors.Is and type assertions on err prove the acquisition failed"},
	"closurereassign": {analyzer: reservedclose.Analyzer,
		open: "a callback that reassigns the variable gives it a new resource before the use"},
	"respafterclose": {analyzer: reservedclose.Analyzer,
		open: "*http.Response fields and Cookies are valid after Body.Close"},
	"headresp": {analyzer: reservedclose.Analyzer,
		open: "HEAD responses have no body (http.NoBody)"},
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// TestTriage runs every reproducer: those that are not open must pass;
// those that are open must still fail (and are reported as still open).
func TestTriage(t *testing.T) {
	testdata, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(testdata, "src", "triage"))
	if err != nil {
		t.Fatal(err)
	}
	// One load per analyzer for all its reproducers; complaints are
	// attributed to packages by file path.
	byAnalyzer := map[*analysis.Analyzer][]string{}
	for _, e := range entries {
		r, ok := reproducers[e.Name()]
		switch {
		case !ok:
			t.Errorf("testdata/src/triage/%s is not listed in reproducers", e.Name())
		case r.crash:
			t.Logf("%s: skipped, crashes today: %s", e.Name(), r.open)
		default:
			byAnalyzer[r.analyzer] = append(byAnalyzer[r.analyzer], e.Name())
		}
	}
	for a, names := range byAnalyzer {
		slices.Sort(names)
		pkgs := make([]string, len(names))
		for i, n := range names {
			pkgs[i] = "triage/" + n + "/..."
		}
		rec := new(recorder)
		analysistest.Run(rec, testdata, a, pkgs...)
		complaints := map[string][]string{}
		for _, m := range rec.msgs {
			name := ""
			for _, n := range names {
				dir := filepath.Join("triage", n) + string(filepath.Separator)
				if strings.HasPrefix(m, dir) || strings.Contains(m, string(filepath.Separator)+dir) {
					name = n
				}
			}
			if name == "" {
				t.Errorf("%s: %s", a.Name, m)
				continue
			}
			complaints[name] = append(complaints[name], m)
		}
		for _, n := range names {
			r := reproducers[n]
			switch got := complaints[n]; {
			case r.open == "" && len(got) > 0:
				t.Errorf("%s (%s):\n%s", n, a.Name, strings.Join(got, "\n"))
			case r.open != "" && len(got) == 0:
				t.Errorf("%s (%s) now behaves as expected: delete its open diagnosis", n, a.Name)
			case r.open != "":
				t.Logf("%s: still open (%s); first mismatch: %s", n, r.open, got[0])
			}
		}
	}
}
