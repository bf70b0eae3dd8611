package refcycle_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/refcycle"
)

// TestRules checks every // want in the rule packages: r1 (finalizers on
// cycles), r2 (cleanups), r3 (unlinked nodes, slice pops), r5 (AfterFunc)
// and gen (generated files are skipped). Each bad case sits next to its
// near-identical correct twin. One run loads them all.
func TestRules(t *testing.T) {
	analysistest.Run(t, testdata(t), refcycle.Analyzer,
		"refcycle/r1", "refcycle/r2", "refcycle/r3", "refcycle/r5", "refcycle/gen")
}

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// collect records analysistest's complaints instead of failing: the stub
// packages of other owners carry no // want comments, so the test checks
// their diagnostics itself.
type collect struct{ errs []string }

func (c *collect) Errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// TestVitessStub runs on the offline copy of vitess's connStack: the v19
// Pop (stackv19) is reported, the fixed one (smartconnpool) is not.
func TestVitessStub(t *testing.T) {
	const buggy = "vitess.io/vitess/go/pools/smartconnpool/stackv19"
	const fixed = "vitess.io/vitess/go/pools/smartconnpool"
	var c collect
	results := analysistest.Run(&c, testdata(t), refcycle.Analyzer, buggy, fixed)
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			got = append(got, r.Pass.Pkg.Path()+": "+d.Category+": "+d.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], buggy+": R3: Pop unlinks oldHead from connStack.top") {
		t.Errorf("want one R3 report on stackv19's Pop, got %d:\n%s", len(got), strings.Join(got, "\n"))
	}
}

// TestR4 enables the opt-in registry rule on a copy of the analyzer; the
// default analyzer stays silent on the same package.
func TestR4(t *testing.T) {
	a := refcycle.New(refcycle.Config{})
	if err := a.Flags.Set("registry", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), a, "refcycle/r4")

	var c collect
	for _, r := range analysistest.Run(&c, testdata(t), refcycle.Analyzer, "refcycle/r4") {
		for _, d := range r.Diagnostics {
			t.Errorf("R4 is opt-in, but the default analyzer reported: %s", d.Message)
		}
	}
}

// TestR1WitnessElsewhere checks the related information of an R1 report
// whose cycle is closed in another function than the SetFinalizer call
// (the os/exec shape): it shows where the finalized object meets the
// cycle, then the stores that close it.
func TestR1WitnessElsewhere(t *testing.T) {
	var c collect
	var got []string
	for _, r := range analysistest.Run(&c, testdata(t), refcycle.Analyzer, "refcycle/r1") {
		for _, d := range r.Diagnostics {
			if !strings.HasPrefix(d.Message, "runtime.SetFinalizer on *Cmd,") {
				continue
			}
			for _, rel := range d.Related {
				p := r.Pass.Fset.Position(rel.Pos)
				got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, rel.Message))
			}
		}
	}
	src, err := os.ReadFile(filepath.Join(testdata(t), "src", "refcycle", "r1", "instance.go"))
	if err != nil {
		t.Fatal(err)
	}
	line := 1 + slices.Index(strings.Split(string(src), "\n"), "\tcmd := Command()")
	want := []string{
		fmt.Sprintf("instance.go:%d: the finalized *Cmd is this value", line),
		fmt.Sprintf("instance.go:%d: stores into Cmd.Cancel", line+1),
		fmt.Sprintf("instance.go:%d: stores into variable cmd", line),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related information:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
