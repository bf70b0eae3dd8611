package main_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connlint/connlint/internal/facts"
	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
)

// TestNogoContract checks what Bazel's nogo (and other drivers that run
// analyzers in separate processes, facts serialised between them) need:
// package-level Analyzer variables that are valid and need no flags, and
// facts that survive gob encoding deterministically (the checker's sanity
// check encodes, decodes and re-encodes every fact).
func TestNogoContract(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("analyses database/sql and its dependencies in process, with sanity checks")
	}
	analyzers := []*analysis.Analyzer{reservedclose.Analyzer, refcycle.Analyzer}
	require.NoError(t, analysis.Validate(analyzers))

	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: e2e, Tests: true}
	pkgs, err := packages.Load(cfg, "./leaky", "./stack", "./clean")
	require.NoError(t, err)
	require.Zero(t, packages.PrintErrors(pkgs))
	graph, err := checker.Analyze(analyzers, pkgs, &checker.Options{SanityCheck: true})
	require.NoError(t, err)
	nfacts := 0
	diags := map[string]bool{} // a package and its test variant report alike
	for act := range graph.All() {
		require.NoError(t, act.Err, act.String())
		if act.Analyzer == facts.Of(reservedclose.Analyzer) {
			nfacts += len(act.AllObjectFacts()) + len(act.AllPackageFacts())
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				diags[act.Package.Fset.Position(d.Pos).String()+d.Message] = true
			}
		}
	}
	assert.NotZero(t, nfacts, "facts were exported (and sanity-checked)")
	assert.Len(t, diags, 2, "with default settings: the leak and the unlinked node")
}
