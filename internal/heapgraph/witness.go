package heapgraph

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// This file holds the witness machinery. A type that can reach itself is
// not a leak: a linked list's node type can, yet a list is a chain that the
// collector frees piece by piece. What the rules need is evidence that an
// instance really can point back to itself: the analyzed code stores c into
// p.conns and p into c.pool for the same c and p.
//
// The evidence is a graph per function whose nodes are SSA values (looking
// through conversions that keep the object: see ssax.Canon) and whose edges are
// the references the code creates or reads: stores into fields, elements
// and variables, appends, map updates, sends, closure captures, loads, and
// the effects of calls to the package's own functions (summaries). A cycle
// in that graph is a witness, provided it goes through a value that may be
// the very object the rule is about (alias.go), and through some other
// object on the way back (see cycle): a witness on some other instance of
// the same type does not count, nor does a pointer from an object into
// itself.
//
// Deliberate approximations:
//   - Phi nodes of loops are not followed. A loop-carried variable names a
//     different object on each iteration; merging them would make every
//     list built in a loop (n.next = head; head = n) look like a cycle.
//   - Two loads of the same field are different nodes, and so are values
//     passed through a local variable that is captured by a closure: such
//     witnesses are missed (no report), never invented.
//   - Calls through interfaces and func values, and calls into other
//     packages, create no edges (except the append and copy builtins).
//   - A value that stands for the same object only through a helper's
//     result (keep(k).t = &T{t: k}) is a different node, and a witness
//     must come back to the very node it starts from.

// A Link is one reference between two values of a function: the code at
// Pos makes (or reads) a reference to To.
type Link struct {
	To   ssa.Value
	Pos  token.Pos
	What string // for related information, e.g. "stores into Conn.pool"
	box  bool   // the reference goes through a new interface box
}

// fgraph is the reference graph of one function.
type fgraph struct {
	nodes []ssa.Value // in order of first appearance, for determinism
	succ  map[ssa.Value][]Link
}

// A summary edge says that after a call, the object of parameter (or
// result, numbered after the parameters) from refers to that of to.
type sumEdge struct{ from, to int }

// refGraphs holds the reference graphs of all functions of the package.
type refGraphs struct {
	local  *localFuncs
	sums   [][]sumEdge
	graphs []*fgraph
}

func newRefGraphs(local *localFuncs) *refGraphs {
	h := &refGraphs{
		local:  local,
		sums:   make([][]sumEdge, len(local.funcs)),
		graphs: make([]*fgraph, len(local.funcs)),
	}
	local.solve(func(i int) bool {
		h.graphs[i] = h.build(local.funcs[i])
		s := h.summarize(i)
		if slices.Equal(s, h.sums[i]) {
			return false
		}
		h.sums[i] = s
		return true
	})
	return h
}

// graph returns the reference graph of fn, or nil if fn is not one of the
// package's source functions.
func (h *refGraphs) graph(fn *ssa.Function) *fgraph {
	if i, ok := h.local.index[fn]; ok {
		return h.graphs[i]
	}
	return nil
}

func (g *fgraph) add(from, to ssa.Value, pos token.Pos, what string) {
	if from == nil || to == nil {
		return
	}
	g.addLink(ssax.Canon(from), Link{To: ssax.Canon(to), Pos: pos, What: what, box: boxes(to)})
}

func (g *fgraph) addLink(from ssa.Value, l Link) {
	switch l.To.(type) {
	case *ssa.Const, *ssa.Function, *ssa.Builtin:
		return
	}
	if !ssax.MayHoldPointers(l.To.Type()) {
		return
	}
	for _, v := range [2]ssa.Value{from, l.To} {
		if _, ok := g.succ[v]; !ok {
			g.succ[v] = nil
			g.nodes = append(g.nodes, v)
		}
	}
	g.succ[from] = append(g.succ[from], l)
}

// boxes reports whether converting v to an interface allocates a box for
// it: the value is not pointer-shaped (a pointer, map, channel or func, or
// a struct or array of exactly one of those), so the interface holds a
// pointer to a copy rather than the value itself. ssax.Canon looks through the
// conversion either way.
func boxes(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			if !directIface(x.X.Type()) && ssax.MayHoldPointers(x.X.Type()) {
				return true
			}
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return false
		}
	}
}

// directIface reports whether an interface holding a value of type t holds
// it in its data word (the gc compiler's types.IsDirectIface).
func directIface(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Array:
		return u.Len() == 1 && directIface(u.Elem())
	case *types.Struct:
		return u.NumFields() == 1 && directIface(u.Field(0).Type())
	}
	return false
}

// build computes fn's reference graph using the current summaries.
func (h *refGraphs) build(fn *ssa.Function) *fgraph {
	g := &fgraph{succ: make(map[ssa.Value][]Link)}
	var copies [][2]ssa.Value // a struct or array value loaded from a local
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			pos := instr.Pos()
			switch in := instr.(type) {
			case *ssa.Store:
				g.add(ssax.AddrRoot(in.Addr), in.Val, pos, "stores into "+DescribeAddr(in.Addr))
			case *ssa.UnOp:
				switch in.Op {
				case token.MUL:
					g.add(ssax.AddrRoot(in.X), in, pos, "loads "+DescribeAddr(in.X))
					if a, ok := in.X.(*ssa.Alloc); ok && !ssax.PointerLike(in.Type()) {
						copies = append(copies, [2]ssa.Value{in, a})
					}
				case token.ARROW:
					g.add(in.X, in, pos, "receives")
				}
			case *ssa.MapUpdate:
				g.add(in.Map, in.Value, pos, "stores into a map")
				g.add(in.Map, in.Key, pos, "stores into a map")
			case *ssa.Lookup:
				g.add(in.X, in, pos, "looks up a map")
			case *ssa.Field:
				g.add(in.X, in, pos, "reads a field")
			case *ssa.Index:
				g.add(in.X, in, pos, "reads an element")
			case *ssa.Send:
				g.add(in.Chan, in.X, pos, "sends")
			case *ssa.MakeClosure:
				for _, v := range in.Bindings {
					g.add(in, v, pos, "captures")
				}
			case *ssa.Phi:
				if !loopPhi(in) {
					for _, e := range in.Edges {
						g.add(in, e, pos, "")
					}
				}
			case ssa.CallInstruction:
				h.call(g, in)
			}
		}
	}
	// A value copied out of a local (connHandler{c: c} is built in a
	// local, then loaded) refers to what the local refers to.
	for _, cp := range copies {
		for _, l := range g.succ[cp[1]] {
			if l.To != cp[0] {
				g.addLink(cp[0], l)
			}
		}
	}
	return g
}

// loopPhi reports whether a phi merges values from a back edge.
func loopPhi(phi *ssa.Phi) bool {
	b := phi.Block()
	for _, p := range b.Preds {
		if b.Dominates(p) {
			return true
		}
	}
	return false
}

func (h *refGraphs) call(g *fgraph, call ssa.CallInstruction) {
	common := call.Common()
	pos := call.Pos()
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append":
			if res := call.Value(); res != nil && len(common.Args) == 2 {
				g.add(res, common.Args[0], pos, "appends")
				g.add(res, common.Args[1], pos, "appends")
			}
		case "copy":
			if len(common.Args) == 2 {
				g.add(common.Args[0], common.Args[1], pos, "copies")
			}
		}
		return
	}
	callee, i := h.local.callee(common)
	if callee == nil {
		return
	}
	np := len(callee.Params)
	node := func(k int) ssa.Value {
		if k < np {
			if k < len(common.Args) {
				return common.Args[k]
			}
			return nil
		}
		return ssax.Result(call, k-np)
	}
	for _, e := range h.sums[i] {
		g.add(node(e.from), node(e.to), pos, "via "+callee.Name())
	}
}

// summarize lists the references among the parameters and results of
// function i that its graph shows.
func (h *refGraphs) summarize(i int) []sumEdge {
	fn, g := h.local.funcs[i], h.graphs[i]
	ends := make(map[ssa.Value][]int) // node -> parameter/result numbers
	var order []ssa.Value
	mark := func(v ssa.Value, k int) {
		v = ssax.Canon(v)
		if _, ok := g.succ[v]; !ok {
			return // no reference touches it
		}
		if _, ok := ends[v]; !ok {
			order = append(order, v)
		}
		ends[v] = append(ends[v], k)
	}
	for k, p := range fn.Params {
		mark(p, k)
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for r, v := range ret.Results {
				mark(v, len(fn.Params)+r)
			}
		}
	}
	var out []sumEdge
	for _, src := range order {
		reached := g.reach(src)
		for _, dst := range order {
			if !reached[dst] {
				continue
			}
			for _, a := range ends[src] {
				for _, b := range ends[dst] {
					if a != b {
						out = append(out, sumEdge{a, b})
					}
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y sumEdge) int {
		if x.from != y.from {
			return x.from - y.from
		}
		return x.to - y.to
	})
	return slices.Compact(out)
}

// reach returns the nodes reachable from v by one or more links.
func (g *fgraph) reach(v ssa.Value) map[ssa.Value]bool {
	seen := make(map[ssa.Value]bool)
	stack := []ssa.Value{v}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, l := range g.succ[n] {
			if !seen[l.To] {
				seen[l.To] = true
				stack = append(stack, l.To)
			}
		}
	}
	return seen
}

// path returns a shortest chain of one or more links from v to a node
// satisfying stop, or nil.
func (g *fgraph) path(v ssa.Value, stop func(ssa.Value) bool) []Link {
	type item struct {
		node ssa.Value
		prev int
		l    Link
	}
	queue := []item{{node: v, prev: -1}}
	seen := map[ssa.Value]bool{v: true}
	for i := 0; i < len(queue); i++ {
		for _, l := range g.succ[queue[i].node] {
			if stop(l.To) {
				p := []Link{l}
				for j := i; queue[j].prev >= 0; j = queue[j].prev {
					p = append([]Link{queue[j].l}, p...)
				}
				return p
			}
			if !seen[l.To] {
				seen[l.To] = true
				queue = append(queue, item{node: l.To, prev: i, l: l})
			}
		}
	}
	return nil
}

// cycleThrough returns a chain of links, in any function of the package,
// from a value in xs back to that same value through another object, and
// that value: the evidence that the object xs may denote reaches itself,
// rather than another instance of its type (as in a chain of list nodes).
// It returns nil if there is none.
func (h *refGraphs) cycleThrough(xs map[ssa.Value]bool) ([]Link, ssa.Value) {
	for _, g := range h.graphs {
		for _, n := range g.nodes {
			if !xs[n] {
				continue
			}
			if p := g.cycle(n); p != nil {
				return p, n
			}
		}
	}
	return nil, nil
}

// cycle returns a shortest chain of one or more links from n back to n
// that goes through some other object, or nil. A reference from an object
// into itself (n.self = n, n.arr[0] = n, or n.h = wrapper{n} where the
// one-pointer struct wrapper sits in the interface's data word) is no
// cycle for the collector: when it marks what a finalizable object
// reaches, it skips the pointers back into the object (scanObject's
// "filter out nil and pointers back to the current object").
func (g *fgraph) cycle(n ssa.Value) []Link {
	type state struct {
		node    ssa.Value
		through bool // the chain has left n's own memory
	}
	type item struct {
		state
		prev int
		l    Link
	}
	queue := []item{{state: state{n, false}, prev: -1}}
	seen := map[state]bool{{n, false}: true}
	for i := 0; i < len(queue); i++ {
		for _, l := range g.succ[queue[i].node] {
			through := queue[i].through || l.box
			if l.To == n {
				if !through {
					continue
				}
				p := []Link{l}
				for j := i; queue[j].prev >= 0; j = queue[j].prev {
					p = append([]Link{queue[j].l}, p...)
				}
				return p
			}
			s := state{l.To, through || otherObject(l.To, n)}
			if !seen[s] {
				seen[s] = true
				queue = append(queue, item{state: s, prev: i, l: l})
			}
		}
	}
	return nil
}

// otherObject reports whether v, a value on a chain of references from n,
// refers to memory outside n: a pointer (other than one into n), a slice's
// backing array, a map, a channel, a closure, or whatever an interface
// holds. A struct or array value is not an object of its own: it lives
// inside whatever holds it.
func otherObject(v, n ssa.Value) bool {
	switch v.(type) {
	case *ssa.FieldAddr, *ssa.IndexAddr:
		if ssax.Canon(ssax.AddrRoot(v)) == n {
			return false // points into n
		}
	}
	switch u := objType(v.Type()).Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// between returns a chain of links, in any function of the package, from a
// value in from to a value in to, or nil.
func (h *refGraphs) between(from, to map[ssa.Value]bool) []Link {
	stop := func(v ssa.Value) bool { return to[v] }
	for _, g := range h.graphs {
		for _, n := range g.nodes {
			if !from[n] {
				continue
			}
			if p := g.path(n, stop); p != nil {
				return p
			}
		}
	}
	return nil
}

// pointerTo returns a predicate for pointers to objects of type t.
func pointerTo(t types.Type) func(types.Type) bool {
	return func(u types.Type) bool {
		p, ok := u.Underlying().(*types.Pointer)
		return ok && typegraph.Same(p.Elem(), t)
	}
}

// sameType returns a predicate for t itself (or, for pointers, pointers to
// the same kind of object).
func sameType(t types.Type) func(types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return pointerTo(p.Elem())
	}
	return func(u types.Type) bool { return typegraph.Same(u, t) }
}
