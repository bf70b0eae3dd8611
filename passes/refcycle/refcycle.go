package refcycle

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/facts"
	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
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

	typesGraph *typegraph.Graph // built on first use
	heapGraph  *heapGraph       // built on first use
	flowIdx    *flowIndex       // built on first use
	aliasSets  map[ssa.Value]map[ssa.Value]bool
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
	imports := make(map[string]bool)
	for _, p := range pass.Pkg.Imports() {
		imports[p.Path()] = true
	}

	// Fast paths: R1 and R2 need calls into runtime, R5 into context; R3
	// needs a store into a field or a method call on one (checked per
	// function); R4 is opt-in.
	if imports["runtime"] {
		c.finalizers()
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

// types returns the package's type graph, with the concrete types that its
// code stores in interface and func fields.
func (c *checker) types() *typegraph.Graph {
	if c.typesGraph == nil {
		c.typesGraph = typegraph.New()
		recordDynamic(c.typesGraph, c.funcs)
	}
	return c.typesGraph
}

// heap returns the package's reference graphs (the witnesses).
func (c *checker) heap() *heapGraph {
	if c.heapGraph == nil {
		c.heapGraph = newHeapGraph(c.funcs)
	}
	return c.heapGraph
}

// aliases returns the values of the package that may denote the object
// that x denotes (see alias.go).
func (c *checker) aliases(x ssa.Value) map[ssa.Value]bool {
	x = ssax.Canon(x)
	if a, ok := c.aliasSets[x]; ok {
		return a
	}
	if c.flowIdx == nil {
		c.flowIdx = newFlowIndex(c.funcs)
		c.aliasSets = make(map[ssa.Value]map[ssa.Value]bool)
	}
	a := c.flowIdx.aliases(x, mayDenote(x.Type()))
	c.aliasSets[x] = a
	return a
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

// related turns witness links into related information.
func related(links []link) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, l := range links {
		if l.pos.IsValid() && l.what != "" {
			out = append(out, analysis.RelatedInformation{Pos: l.pos, Message: l.what})
		}
	}
	return out
}

// calls returns the static calls to the function named key ("pkg.Name")
// in the package, with the function containing each.
func (c *checker) calls(keys ...string) []siteCall {
	var out []siteCall
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				if k := ssax.FuncKey(ssax.Callee(&call.Call)); k != "" && slices.Contains(keys, k) {
					out = append(out, siteCall{fn: fn, call: call, key: k})
				}
			}
		}
	}
	return out
}

type siteCall struct {
	fn   *ssa.Function
	call *ssa.Call
	key  string
}

// hasLifecycle reports whether objects of type t have a lifecycle: they can
// be released (closed, discarded) and leave the structure that holds them
// for good. Such objects are what a stale reference really retains; a free
// list of plain scratch objects (gob's decoder states, regexp's threads)
// keeps its nodes alive anyway, stale links or not.
//
// A type has a lifecycle if it, or a field of it (through embedded and
// nested structs and pointers, two levels deep), is a resource of the
// families table, has a method with a release name (Close, Release, ...),
// or has a method marked //connlint:release (in any package: the facts
// analyzer reads the directives of every package it sees).
func (c *checker) hasLifecycle(t types.Type) bool {
	if has, ok := c.lifecycles[t]; ok {
		return has
	}
	if c.lifecycles == nil {
		c.lifecycles = make(map[types.Type]bool)
	}
	has := c.lifecycle(t, 0)
	c.lifecycles[t] = has
	return has
}

func (c *checker) lifecycle(t types.Type, depth int) bool {
	if resource.ByType(ssax.TypeKey(t)) != nil {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, isParam := t.(*types.TypeParam); !isParam {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj().(*types.Func)
		if resource.IsReleaseName(m.Name()) || c.facts.IsReleaseMethod(m) {
			return true
		}
	}
	if depth >= 2 {
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		ft := st.Field(i).Type()
		if p, ok := types.Unalias(ft).(*types.Pointer); ok {
			ft = p.Elem()
		}
		if c.lifecycle(ft, depth+1) {
			return true
		}
	}
	return false
}
