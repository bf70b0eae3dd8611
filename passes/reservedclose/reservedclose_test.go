package reservedclose_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
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

// diagnosticsOnly checks every diagnostic a test expects. The facts in the
// same files are connlintfacts' (internal/facts tests them), not this
// analyzer's.
type diagnosticsOnly struct{ *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.Helper()
	if strings.Contains(fmt.Sprintf(format, args...), "no fact was reported matching") {
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

// configured returns an analyzer with the given settings.
func configured(t *testing.T, cfg reservedclose.Config) *analysis.Analyzer {
	t.Helper()
	a, err := reservedclose.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestExtraAcquisitions(t *testing.T) {
	a := configured(t, reservedclose.Config{})
	for _, decl := range []string{"extra/thirdparty.Pool.Take:Done", "extra/thirdparty.Pool.Results:Close"} {
		if err := a.Flags.Set("acquire", decl); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(diagnosticsOnly{t}, testdata(t), a, "extra/use")

	// Without the declaration the same package is silent.
	res := analysistest.Run(nopT{t}, testdata(t), reservedclose.Analyzer, "extra/use")
	for _, r := range res {
		if len(r.Diagnostics) != 0 {
			t.Errorf("undeclared API reported: %v", r.Diagnostics[0].Message)
		}
	}
}

func TestExtraFlagErrors(t *testing.T) {
	for _, bad := range []string{"nodot:Close", "example.com/p.F", "example.com/p.F:", ":Close"} {
		a, err := reservedclose.New(reservedclose.Config{})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Flags.Set("acquire", bad); err == nil {
			t.Errorf("-acquire %q accepted", bad)
		}
	}
}

// nopT drops the "no diagnostic was reported" errors of a run whose wants
// describe another configuration.
type nopT struct{ *testing.T }

func (nopT) Errorf(string, ...any) {}

// A families file declares the same acquisitions as TestExtraAcquisitions'
// flags, from the flag or from Config (as the golangci-lint plugin does).
func TestFamiliesFile(t *testing.T) {
	file := filepath.Join(testdata(t), "families", "thirdparty.yaml")
	a := configured(t, reservedclose.Config{})
	if err := a.Flags.Set("families", file); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(diagnosticsOnly{t}, testdata(t), a, "extra/use", "extra/lend", "extra/feed")
	analysistest.Run(diagnosticsOnly{t}, testdata(t), configured(t, reservedclose.Config{Families: []string{file}}), "extra/use", "extra/lend", "extra/feed")

	// Without the file, the lender is not known.
	for _, r := range analysistest.Run(nopT{t}, testdata(t), reservedclose.Analyzer, "extra/lend") {
		if len(r.Diagnostics) != 0 {
			t.Errorf("undeclared lender reported: %v", r.Diagnostics[0].Message)
		}
	}
}

// A malformed families file is an error naming its line, from the flag and
// from Config; so is a missing one.
func TestFamiliesFileErrors(t *testing.T) {
	bad := filepath.Join(testdata(t), "families", "malformed.yaml")
	want := "malformed.yaml: line 5: field tied_to_contxt not found"
	a := configured(t, reservedclose.Config{})
	if err := a.Flags.Set("families", bad); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("-families %s: got %v, want an error containing %q", bad, err, want)
	}
	if _, err := reservedclose.New(reservedclose.Config{Families: []string{bad}}); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Config.Families: got %v, want an error containing %q", err, want)
	}
	if _, err := reservedclose.New(reservedclose.Config{Families: []string{"no-such.yaml"}}); err == nil {
		t.Error("a missing families file was accepted")
	}
}
