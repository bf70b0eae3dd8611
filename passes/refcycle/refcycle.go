package refcycle

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/facts"
	"github.com/connlint/connlint/internal/heapgraph"
)

//go:embed doc.go
var doc string

// URL is where the rules are documented; each diagnostic links to the
// section of its rule.
const URL = "https://github.com/connlint/connlint/blob/main/docs/refcycle.md"

// A rule is one of the analyzer's checks: its category and its anchor in
// the documentation.
type rule struct{ category, anchor string }

var (
	ruleFinalizer = rule{"R1", "#r1-finalizer-on-a-cycle"}
	ruleCleanup   = rule{"R2", "#r2-cleanup-reaches-its-object"}
	ruleUnlink    = rule{"R3", "#r3-unlinked-node-keeps-its-link"}
	ruleRegistry  = rule{"R4", "#r4-registry-without-removal-opt-in"}
	ruleAfterFunc = rule{"R5", "#r5-discarded-contextafterfunc-stop"}
)

// Analyzer reports references that keep memory alive, with the default
// settings (R4 off).
var Analyzer = New(Config{})

// Config holds the analyzer's settings (its flags).
type Config struct {
	// Registry enables R4: map and slice fields that receive values whose
	// release methods never remove them.
	Registry bool
}

// New returns an analyzer with the given default settings. Each analyzer
// owns its settings: there is no package-level mutable state.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "refcycle",
		Doc:      analysisutil.MustExtractDoc(doc, "refcycle"),
		URL:      URL,
		Requires: []*analysis.Analyzer{buildssa.Analyzer, facts.Analyzer},
	}
	a.Flags.BoolVar(&cfg.Registry, "registry", cfg.Registry,
		"also report map/slice fields that receive *C values never removed by C's release methods (R4)")
	a.Run = func(pass *analysis.Pass) (any, error) {
		run(pass, cfg)
		return nil, nil
	}
	return a
}

// checker holds the state of one pass.
type checker struct {
	pass  *analysis.Pass
	facts *facts.Result
	funcs []*ssa.Function // source functions outside generated files
	sup   *analysisutil.Suppressions
	diags []analysis.Diagnostic

	heap       *heapgraph.Heap
	lifecycles map[types.Type]bool
}

func run(pass *analysis.Pass, cfg Config) {
	ssaInput := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	c := &checker{
		pass:  pass,
		facts: pass.ResultOf[facts.Of(pass.Analyzer)].(*facts.Result),
		sup:   analysisutil.NewSuppressions(pass.Fset, pass.Files, "refcycle"),
	}
	for _, fn := range ssaInput.SrcFuncs {
		if !analysisutil.IsGenerated(pass.Files, fn.Pos()) {
			c.funcs = append(c.funcs, fn)
		}
	}
	c.heap = heapgraph.New(c.funcs)
	imports := make(map[string]bool)
	for _, p := range pass.Pkg.Imports() {
		imports[p.Path()] = true
	}

	// Fast paths: R1 and R2 need calls into runtime, R5 into context; R3
	// needs a store into a field or a method call on one (checked per
	// function); R4 is opt-in.
	if imports["runtime"] {
		c.finalizers()
		c.cleanups()
	}
	c.unlinks()
	if imports["context"] {
		c.afterFuncs()
	}
	if cfg.Registry {
		c.registries()
	}

	analysisutil.SortDiagnostics(c.pass.Fset, c.diags)
	for _, d := range c.diags {
		pass.Report(d)
	}
}

// report records a diagnostic unless it is suppressed or in generated code.
func (c *checker) report(r rule, pos, end token.Pos, related []analysis.RelatedInformation, format string, args ...any) {
	if !pos.IsValid() || analysisutil.IsGenerated(c.pass.Files, pos) || c.sup.Silenced(pos) {
		return
	}
	c.diags = append(c.diags, analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: r.category,
		Message:  fmt.Sprintf(format, args...),
		URL:      URL + r.anchor,
		Related:  related,
	})
}

// reportCall reports on a call that reaches runtime.SetFinalizer or
// AddCleanup; the related information shows first how it reaches it (when
// through a func value or a helper), then the witness links.
func (c *checker) reportCall(r rule, call heapgraph.Call, links []heapgraph.Link, format string, args ...any) {
	pos := call.Instr.Pos()
	c.report(r, pos, pos, related(append(slices.Clone(call.Via), links...)), format, args...)
}

// related turns witness links into related information.
func related(links []heapgraph.Link) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, l := range links {
		if l.Pos.IsValid() && l.What != "" {
			out = append(out, analysis.RelatedInformation{Pos: l.Pos, Message: l.What})
		}
	}
	return out
}

// says explains evidence that a value keeps the object named name alive:
// "is *Conn itself", "reaches *Conn (Pool.conns[] → Conn)".
func says(ev heapgraph.Evidence, name string) string {
	switch ev.Keep {
	case heapgraph.Itself:
		return "is " + name + " itself"
	case heapgraph.Interior:
		return "points into " + name
	case heapgraph.Reaches:
		return "reaches " + name + " (" + ev.Path.String() + ")"
	}
	return ""
}

// capture names binding i of a closure: "captured variable c", or
// "receiver (method value closeFD)" for a bound method value.
func capture(mc *ssa.MakeClosure, i int) string {
	fn := mc.Fn.(*ssa.Function)
	if strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		return "receiver (method value " + strings.TrimSuffix(fn.Name(), "$bound") + ")"
	}
	if i < len(fn.FreeVars) {
		return "captured variable " + fn.FreeVars[i].Name()
	}
	return "captured value"
}
