package reservedclose_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/reservedclose"
)

// TestCompanionPool runs on a module that imports this repository's own
// runtime/connpool: the analyzer must understand the pool from its
// //connlint: directives alone.
func TestCompanionPool(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "modules", "pooluse"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(diagnosticsOnly{t}, dir, reservedclose.Analyzer, "./...")
}
