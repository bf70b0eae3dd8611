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
	// Fixed in 5d70161 (they stay as regression tests).
	"gocallpanic":     {analyzer: refcycle.Analyzer},
	"queryrow":        {analyzer: reservedclose.Analyzer},
	"recvkeep":        {analyzer: reservedclose.Analyzer},
	"batchtx":         {analyzer: reservedclose.Analyzer},
	"scanerr":         {analyzer: reservedclose.Analyzer},
	"testify":         {analyzer: reservedclose.Analyzer},
	"nestedtx":        {analyzer: reservedclose.Analyzer},
	"poolput":         {analyzer: reservedclose.Analyzer},
	"collectcapture":  {analyzer: reservedclose.Analyzer},
	"errproof":        {analyzer: reservedclose.Analyzer},
	"closurereassign": {analyzer: reservedclose.Analyzer},
	"respafterclose":  {analyzer: reservedclose.Analyzer},
	"headresp":        {analyzer: reservedclose.Analyzer},
	"sqlctx":          {analyzer: reservedclose.Analyzer},
	"headdo":          {analyzer: reservedclose.Analyzer},
	// Found on the second corpus (docs/triage.md), fixed by the ownership
	// work (owning structs, handles, closures, canceled contexts).
	"embeddedtb":     {analyzer: reservedclose.Analyzer},
	"canceledctx":    {analyzer: reservedclose.Analyzer},
	"ownerborrow":    {analyzer: reservedclose.Analyzer},
	"capturemiss":    {analyzer: reservedclose.Analyzer},
	"cleanupclosure": {analyzer: reservedclose.Analyzer},
	"ctxpair":        {analyzer: reservedclose.Analyzer},
	// Found by the re-sweep of the old corpus (docs/triage.md, "Old corpus
	// at 317cb69"): a struct of plain data is no owner.
	"copyrelease": {analyzer: reservedclose.Analyzer},
	// Found by the re-sweep of the old corpus at 317cb69, fixed: owning
	// fields behind an idempotence guard, handed on, or released through a
	// load elsewhere; a method of the resource that releases it (or releases
	// it when it returns nil) at the call.
	"closedguard":   {analyzer: reservedclose.Analyzer},
	"condquit":      {analyzer: reservedclose.Analyzer},
	"fieldreleased": {analyzer: reservedclose.Analyzer},
	"hijackerr":     {analyzer: reservedclose.Analyzer},
	"selfrelease":   {analyzer: reservedclose.Analyzer},
	"errcapture":    {analyzer: reservedclose.Analyzer},
	// Found by the catalogue sweep (nats.go): a captured variable released
	// and assigned again holds the new resource.
	"reusedvar": {analyzer: reservedclose.Analyzer},
	// Open.
	"flagbody": {analyzer: reservedclose.Analyzer, open: "a wrapper that leaves its response body open only under a caller-set flag hands the body on those paths; connlint sees no acquisition"},
	"helpertx": {analyzer: reservedclose.Analyzer, open: "Rows of a Stmt prepared on a Tx whose Rollback a test helper registered with t.Cleanup are reported (ties are one level deep; the Rows of the Tx itself are fixed)"},
	// Open, found by the re-sweep of the old corpus.
	"closurecallee": {analyzer: reservedclose.Analyzer, open: "a call through a variable bound to a local closure follows the func-value rule instead of the closure's summary (Vitess newExecutor registering t.Cleanup(db.Close); net/smtp fake; pgx setup)"},
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, "no fact was reported matching") {
		return // the facts are connlintfacts', tested in internal/facts
	}
	r.msgs = append(r.msgs, msg)
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
