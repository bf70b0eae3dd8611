package reservedclose_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/reservedclose"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// diagnosticsOnly checks every diagnostic and every fact a test expects,
// but not the summaries of functions a test does not mention: nearly every
// function has one, and spelling them all out would bury the cases.
type diagnosticsOnly struct{ *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.Helper()
	if strings.Contains(format, "unexpected %s") && len(args) > 1 && args[1] == "fact" {
		return
	}
	d.T.Errorf(format, args...)
}

func run(t *testing.T, pkgs ...string) {
	t.Helper()
	analysistest.Run(diagnosticsOnly{t}, testdata(t), reservedclose.Analyzer, pkgs...)
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, testdata(t), reservedclose.Analyzer, "fixes")
}
