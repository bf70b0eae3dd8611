package facts_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/internal/facts"
)

// factsOnly checks every fact a test expects, but not the diagnostics
// (reservedclose reports them) nor the summaries of functions a test does
// not mention: nearly every function has one, and spelling them all out
// would bury the cases.
type factsOnly struct{ *testing.T }

func (f factsOnly) Errorf(format string, args ...any) {
	f.Helper()
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, "no diagnostic was reported matching") || strings.Contains(msg, "unexpected fact") {
		return
	}
	f.T.Errorf(format, args...)
}

// TestFacts runs on every testdata package that states the facts its
// functions must carry (// want Name:"fact").
func TestFacts(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(factsOnly{t}, dir, facts.Analyzer,
		"directives/pool", "rc/crosspkg/lib",
		"triage/recvkeep", "triage/queryrow", "triage/collectcapture", "triage/poolput")
}
