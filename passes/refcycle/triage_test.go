package refcycle_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/refcycle"
)

// TestTriage runs the triage reproducers (testdata/src/triage, found by
// scripts/sweep.sh on real code; see docs/triage.md) that guard refcycle;
// passes/reservedclose's TestTriage runs the others, all but those named
// in its refcycleReproducers.
func TestTriage(t *testing.T) {
	analysistest.Run(t, testdata(t), refcycle.Analyzer, "triage/gocallpanic/...")
}
