package heapgraph

import (
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// A Heap answers questions about the objects the code of one package links.
type Heap struct {
	local     *localFuncs
	types     *typegraph.Graph // built on first use
	refs      *refGraphs       // built on first use
	flow      *flowIndex       // built on first use
	aliasSets map[ssa.Value]map[ssa.Value]bool
}

// New returns the heap of a package whose source functions are funcs. The
// order of funcs decides which of several witnesses is shown.
func New(funcs []*ssa.Function) *Heap {
	return &Heap{local: newLocalFuncs(funcs)}
}

// Types returns the package's type graph, with the concrete types that its
// code stores in interface and func fields.
func (h *Heap) Types() *typegraph.Graph {
	if h.types == nil {
		h.types = typegraph.New()
		recordDynamic(h.types, h.local.funcs)
	}
	return h.types
}

// graphs returns the package's reference graphs (the witnesses).
func (h *Heap) graphs() *refGraphs {
	if h.refs == nil {
		h.refs = newRefGraphs(h.local)
	}
	return h.refs
}

// flowIndex returns the package's alias index.
func (h *Heap) flowIndex() *flowIndex {
	if h.flow == nil {
		h.flow = newFlowIndex(h.local)
	}
	return h.flow
}

// aliases returns the values of the package that may denote the object
// that x denotes (see alias.go).
func (h *Heap) aliases(x ssa.Value) map[ssa.Value]bool {
	x = ssax.Canon(x)
	if a, ok := h.aliasSets[x]; ok {
		return a
	}
	a := h.flowIndex().aliases(x, mayDenote(x.Type()))
	if h.aliasSets == nil {
		h.aliasSets = make(map[ssa.Value]map[ssa.Value]bool)
	}
	h.aliasSets[x] = a
	return a
}

// SelfCycle returns a chain of links, in any function of the package, from
// a value that may denote the object x denotes back to that same value
// through another object, and that value: the evidence that the object
// reaches itself, rather than another instance of its type (as in a chain
// of list nodes). It returns nil if there is none.
func (h *Heap) SelfCycle(x ssa.Value) ([]Link, ssa.Value) {
	return h.graphs().cycleThrough(h.aliases(x))
}

// How a value keeps an object alive.
type Keep int

const (
	NotShown Keep = iota // the code shows no reference
	Itself               // the value is the object itself
	Interior             // the value is the address of a field or element of the object
	Reaches              // the value refers to the object through a chain of others
)

// Evidence tells how a value keeps an object alive.
type Evidence struct {
	Keep  Keep
	Path  typegraph.Path // for Reaches: the fields the chain goes through, by type
	Links []Link         // for Reaches: the references the code makes
}

// KeepsAlive tells how v (a closure binding, or any value used in fn)
// keeps the object that the pointer x denotes alive.
//
// The evidence is, in order: v is x or points into it; fn's own reference
// graph links v to x; or v's type can reach x's and some function of the
// package links a value that may be v's object to one that may be x's.
// When v's type is x's type, the link must come back to the very value it
// starts from, one that may be both, so that a chain of nodes is not
// mistaken for a cycle.
func (h *Heap) KeepsAlive(fn *ssa.Function, v, x ssa.Value) Evidence {
	v = Captured(v)
	switch {
	case v == x:
		return Evidence{Keep: Itself}
	case PointsInto(v, x):
		return Evidence{Keep: Interior}
	}
	if !ssax.MayHoldPointers(v.Type()) {
		return Evidence{}
	}
	path := h.Types().Path(v.Type(), ssax.Deref(x.Type()))
	if path == nil {
		return Evidence{}
	}
	if g := h.graphs().graph(fn); g != nil {
		if links := g.path(v, func(n ssa.Value) bool { return n == x }); links != nil {
			return Evidence{Reaches, path, links}
		}
	}
	vs, xs := h.aliases(v), h.aliases(x)
	var w []Link
	if sameType(v.Type())(x.Type()) {
		both := make(map[ssa.Value]bool)
		for a := range vs {
			if xs[a] {
				both[a] = true
			}
		}
		w, _ = h.graphs().cycleThrough(both)
	} else {
		w = h.graphs().between(vs, xs)
	}
	if w != nil {
		return Evidence{Reaches, path, w}
	}
	return Evidence{}
}

// localFuncs numbers the package's source functions: the functions whose
// bodies the heap reads, and whose calls it follows.
type localFuncs struct {
	funcs []*ssa.Function
	index map[*ssa.Function]int
	order [][]*ssa.Function // callees first; computed on first use
}

// calleesFirst returns the strongly connected components of the package's
// call graph, callees first (computed once).
func (l *localFuncs) calleesFirst() [][]*ssa.Function {
	if l.order == nil {
		l.order = ssax.CalleesFirst(l.funcs)
	}
	return l.order
}

// solve computes a summary for every function, callees first: it calls
// step on each function of a strongly connected component of the call
// graph (by its number) until no step reports a change. A component of one
// function that does not call itself is visited once.
//
// Both summaries (witness.go, alias.go) only grow when a callee's grows,
// and are bounded by the function's parameters and results, so this ends.
func (l *localFuncs) solve(step func(i int) (changed bool)) {
	for _, scc := range l.calleesFirst() {
		for {
			changed := false
			for _, fn := range scc {
				if step(l.index[fn]) {
					changed = true
				}
			}
			if !changed || len(scc) == 1 && !ssax.CallsItself(scc[0]) {
				break
			}
		}
	}
}

func newLocalFuncs(funcs []*ssa.Function) *localFuncs {
	l := &localFuncs{funcs: funcs, index: make(map[*ssa.Function]int, len(funcs))}
	for i, fn := range funcs {
		l.index[fn] = i
	}
	return l
}

// callee returns the package function a call statically calls (the
// generic origin of an instance) and its number, or nil.
func (l *localFuncs) callee(common *ssa.CallCommon) (*ssa.Function, int) {
	callee := common.StaticCallee()
	if callee == nil {
		return nil, -1
	}
	callee = ssax.Origin(callee)
	i, ok := l.index[callee]
	if !ok {
		return nil, -1
	}
	return callee, i
}
