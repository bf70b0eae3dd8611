package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
)

func TestTakeFormat(t *testing.T) {
	analyzers := []*analysis.Analyzer{reservedclose.Analyzer, refcycle.Analyzer}
	for _, tc := range []struct {
		args   []string
		format string
		rest   []string
	}{
		{[]string{"./..."}, "text", []string{"./..."}},
		{[]string{"-format=sarif", "./..."}, "sarif", []string{"./..."}},
		{[]string{"--format", "sarif", "./..."}, "sarif", []string{"./..."}},
		{[]string{"-test=false", "-format=text", "-json", "./..."}, "text", []string{"-test=false", "-json", "./..."}},
		// Values of other flags are skipped, not mistaken for packages.
		{[]string{"-c", "3", "-format=sarif", "./..."}, "sarif", []string{"-c", "3", "./..."}},
		{[]string{"-reservedclose.acquire", "a.B:C", "-format", "sarif", "./..."}, "sarif", []string{"-reservedclose.acquire", "a.B:C", "./..."}},
		// Flags end at the first package or at --.
		{[]string{"./...", "-format=sarif"}, "text", []string{"./...", "-format=sarif"}},
		{[]string{"--", "-format=sarif"}, "text", []string{"--", "-format=sarif"}},
	} {
		format, rest, err := takeFormat(tc.args, analyzers)
		require.NoError(t, err, "%v", tc.args)
		assert.Equal(t, tc.format, format, "%v", tc.args)
		assert.Equal(t, tc.rest, rest, "%v", tc.args)
	}

	for _, bad := range [][]string{{"-format=json", "./..."}, {"-format"}} {
		_, _, err := takeFormat(bad, analyzers)
		assert.Error(t, err, "%v", bad)
	}
}

func TestSelectAnalyzers(t *testing.T) {
	a, b := &analysis.Analyzer{Name: "a"}, &analysis.Analyzer{Name: "b"}
	all := []*analysis.Analyzer{a, b}
	sel := func(va, vb triState) []*analysis.Analyzer {
		return selectAnalyzers(all, map[*analysis.Analyzer]*triState{a: &va, b: &vb})
	}
	assert.Equal(t, all, sel(unset, unset))
	assert.Equal(t, []*analysis.Analyzer{a}, sel(setTrue, unset), "-a runs only a")
	assert.Equal(t, []*analysis.Analyzer{b}, sel(setFalse, unset), "-a=false runs the others")
	assert.Equal(t, []*analysis.Analyzer{b}, sel(setFalse, setTrue))
}
