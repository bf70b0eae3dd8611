package reservedclose_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/reservedclose"
)

// The triage reproducers are the packages under testdata/src/triage: each
// a minimised false report or crash that scripts/sweep.sh found on real
// code (docs/triage.md), its // want comments and package comment stating
// the expected behaviour. They guard reservedclose, except those listed in
// refcycleReproducers (run by passes/refcycle's TestTriage).
var refcycleReproducers = []string{"gocallpanic"}

// openReproducers gives the diagnosis of each reproducer on which the
// analyzer does not behave as expected yet: TestTriage then checks that it
// still fails, so that a fix is noticed (delete the entry once it passes).
var openReproducers = map[string]string{
	"flagbody":   "a wrapper that leaves its response body open only under a caller-set flag hands the body on those paths; connlint sees no acquisition",
	"ownerfield": "a wrapper method that returns an owned field's released-on-error method (YourBatch.Append returning b.batch.Append) does not release on error (the borrowed conn half is fixed)",
}

// crashingReproducers gives the diagnosis of each reproducer on which the
// analyzer panics: a panic would kill the test binary (the driver runs
// analyzers on their own goroutines), so it is not run until fixed.
var crashingReproducers = map[string]string{}

// recorder collects analysistest's complaints instead of failing. Like
// diagnosticsOnly, it leaves the facts in the same files to connlintfacts.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "no fact was reported matching") {
		r.msgs = append(r.msgs, msg)
	}
}

// TestTriage runs every reproducer in one load: those that are not open
// must pass; those that are open must still fail (and are logged as still
// open). Complaints are attributed to reproducers by file path.
func TestTriage(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join(testdata(t), "src", "triage"))
	if err != nil {
		t.Fatal(err)
	}
	var names, pkgs []string
	for _, e := range entries {
		if why, ok := crashingReproducers[e.Name()]; ok {
			t.Logf("%s: skipped, crashes today: %s", e.Name(), why)
			continue
		}
		if e.IsDir() && !slices.Contains(refcycleReproducers, e.Name()) {
			names = append(names, e.Name())
			pkgs = append(pkgs, "triage/"+e.Name()+"/...")
		}
	}
	for name := range openReproducers {
		if !slices.Contains(names, name) {
			t.Errorf("openReproducers names %s, which is not under testdata/src/triage", name)
		}
	}
	rec := new(recorder)
	analysistest.Run(rec, testdata(t), reservedclose.Analyzer, pkgs...)
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
			t.Error(m)
			continue
		}
		complaints[name] = append(complaints[name], m)
	}
	for _, n := range names {
		open := openReproducers[n]
		switch got := complaints[n]; {
		case open == "" && len(got) > 0:
			t.Errorf("%s:\n%s", n, strings.Join(got, "\n"))
		case open != "" && len(got) == 0:
			t.Errorf("%s now behaves as expected: delete its entry in openReproducers", n)
		case open != "":
			t.Logf("%s: still open (%s); first mismatch: %s", n, open, got[0])
		}
	}
}
