package heapgraph

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// This file finds the calls of the package that reach a function of
// interest (runtime.SetFinalizer, say) directly or through one of two
// indirections that code uses as a seam for tests:
//
//   - a func value held in a global, a field or a local variable, where
//     the package stores that function (var setFinalizer =
//     runtime.SetFinalizer; p.setFinalizer(c, f)). The call counts if the
//     function is among the values the package stores there, even if a
//     test stores a fake too: the production path calls the real one.
//   - a helper of the package (or a closure) that passes its parameters
//     on to the function, or to another such helper, and takes the object
//     (the first argument) as an interface or through a type parameter
//     (func setFinalizer(x any, f any) { runtime.SetFinalizer(x, f) }).
//     Its own call shows nothing about the object's type; each of its
//     callers' calls does. A helper that takes a concrete pointer is not
//     unwrapped: its own call already stands for all its callers (the
//     alias index follows the object into it).
//
// Only calls (not go or defer) are followed, as for direct calls.

// A Call is a call of the package that reaches the function of interest.
type Call struct {
	Fn    *ssa.Function // the function the call is in
	Instr *ssa.Call
	// Args are the arguments the function of interest receives: values of
	// Fn, or, for those a helper does not take from its caller, of the
	// helper.
	Args []ssa.Value
	// Via says how the call reaches the function: nil for a direct call;
	// otherwise where the func value was stored, or where the helper calls
	// it.
	Via []Link
}

// forwarder is a helper that passes (some of) its parameters on to the
// function of interest: params[k] is the parameter that becomes argument
// k, or -1 for an argument the helper makes itself (args[k]).
type forwarder struct {
	params []int
	args   []ssa.Value
	via    []Link
}

// CallsTo returns the calls of the package that reach the function named
// key ("runtime.SetFinalizer"), in the order of the functions and their
// instructions.
func (h *Heap) CallsTo(key string) []Call {
	r := &resolver{h: h, key: key, wrappers: make(map[*ssa.Function]*forwarder)}
	r.findForwarders()
	r.values = r.heldAsValues()
	var out []Call
	for _, fn := range h.local.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					if c, ok := r.resolve(fn, call); ok {
						out = append(out, c)
					}
				}
			}
		}
	}
	return out
}

// A resolver finds the calls that reach the function named key.
type resolver struct {
	h        *Heap
	key      string
	wrappers map[*ssa.Function]*forwarder
	// values says whether the package uses the function or one of its
	// wrappers as a value at all; only then are func values resolved
	// (which needs the flow index).
	values bool
}

// target reports whether fn is the function of interest.
func (r *resolver) target(fn *ssa.Function) bool {
	return ssax.FuncKey(ssax.FuncObject(fn)) == r.key
}

// resolve returns how one call instruction reaches the function of
// interest, if it does.
func (r *resolver) resolve(fn *ssa.Function, call *ssa.Call) (Call, bool) {
	common := &call.Call
	if common.IsInvoke() {
		return Call{}, false
	}
	if callee := common.StaticCallee(); callee != nil {
		if r.target(callee) {
			return Call{Fn: fn, Instr: call, Args: common.Args}, true
		}
		if w := r.wrappers[ssax.Origin(callee)]; w != nil {
			return w.at(fn, call)
		}
		return Call{}, false
	}
	if _, builtin := common.Value.(*ssa.Builtin); builtin || !r.values {
		return Call{}, false
	}
	// A func value: what the package stores where it comes from. The
	// first function of interest found stands for the call.
	for _, held := range r.h.funcValues(common.Value) {
		if r.target(held.fn) {
			return Call{Fn: fn, Instr: call, Args: common.Args, Via: []Link{held.stored}}, true
		}
		if w := r.wrappers[ssax.Origin(held.fn)]; w != nil {
			c, ok := w.at(fn, call)
			c.Via = append([]Link{held.stored}, c.Via...)
			return c, ok
		}
	}
	return Call{}, false
}

// at instantiates a forwarder at one of its call sites.
func (w *forwarder) at(fn *ssa.Function, call *ssa.Call) (Call, bool) {
	args := make([]ssa.Value, len(w.params))
	for k, p := range w.params {
		switch {
		case p < 0:
			args[k] = w.args[k]
		case p < len(call.Call.Args):
			args[k] = call.Call.Args[p]
		default:
			return Call{}, false // a call that does not match the helper's parameters
		}
	}
	return Call{Fn: fn, Instr: call, Args: args, Via: w.via}, true
}

// findForwarders finds the helpers of the package that pass their
// parameters on to the function of interest through static calls, callees
// first, so that a helper of a helper is one too.
func (r *resolver) findForwarders() {
	for _, scc := range r.h.local.calleesFirst() {
		for _, fn := range scc {
			if w := r.forwarderOf(fn); w != nil {
				r.wrappers[fn] = w
			}
		}
	}
}

// forwarderOf returns how fn forwards its parameters to the function named
// key, or nil if it does not take the object from its caller as an
// interface or through a type parameter.
func (r *resolver) forwarderOf(fn *ssa.Function) *forwarder {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			c, ok := r.resolve(fn, call)
			if !ok || len(c.Args) == 0 {
				continue
			}
			obj, ok := ssax.Canon(c.Args[0]).(*ssa.Parameter)
			if !ok || obj.Parent() != fn || !opaqueObject(obj.Type()) {
				continue
			}
			passes := Link{To: c.Args[0], Pos: call.Pos(), What: fn.Name() + " passes it to " + r.key + " here"}
			w := &forwarder{args: c.Args, via: append([]Link{passes}, c.Via...)}
			for _, a := range c.Args {
				k := -1
				if p, ok := ssax.Canon(a).(*ssa.Parameter); ok && p.Parent() == fn {
					k = paramIndex(p)
				}
				w.params = append(w.params, k)
			}
			return w
		}
	}
	return nil
}

// opaqueObject reports whether a parameter of type t hides the type of the
// object it holds from the helper's own call: an interface, or a pointer
// to a type parameter.
func opaqueObject(t types.Type) bool {
	if types.IsInterface(t) {
		return true
	}
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, isParam := types.Unalias(p.Elem()).(*types.TypeParam)
	return isParam
}

// A heldFunc is a function the package stores where a func value comes
// from, and where it stores it.
type heldFunc struct {
	fn     *ssa.Function
	stored Link
}

// funcValues returns the functions a func value may be, as far as the
// package shows: the function itself, or those the package stores in the
// global, field or variable it is loaded from (following phis).
func (h *Heap) funcValues(v ssa.Value) []heldFunc {
	flow := h.flowIndex()
	var out []heldFunc
	seen := make(map[ssa.Value]bool)
	// where names the location the value was stored in, at pos.
	var visit func(v ssa.Value, where string, pos token.Pos)
	visit = func(v ssa.Value, where string, pos token.Pos) {
		v = ssax.Canon(v)
		if seen[v] {
			return
		}
		seen[v] = true
		held := func(fn *ssa.Function) {
			name := ssax.FuncKey(ssax.FuncObject(fn))
			if name == "" {
				name = fn.Name()
			}
			out = append(out, heldFunc{fn, Link{To: v, Pos: pos, What: name + " is stored into " + where + " here"}})
		}
		switch x := v.(type) {
		case *ssa.Function:
			held(x)
		case *ssa.MakeClosure:
			held(x.Fn.(*ssa.Function))
		case *ssa.Phi:
			for _, e := range x.Edges {
				visit(e, where, pos)
			}
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return
			}
			where := DescribeAddr(x.X)
			if l, ok := flow.addrLoc(x.X, 0); ok {
				for i, s := range flow.stores[l] {
					visit(s, where, flow.storedAt[l][i])
				}
			}
			if g, ok := x.X.(*ssa.Global); ok {
				// A package-level var's initializer runs in the package's
				// init, which is not a source function.
				for _, st := range initStores(g) {
					visit(st.Val, where, st.Pos())
				}
			}
		}
	}
	visit(v, "", token.NoPos)
	return out
}

// initStores returns the stores into g made by its package's initializer.
func initStores(g *ssa.Global) []*ssa.Store {
	init := g.Pkg.Func("init")
	if init == nil {
		return nil
	}
	var out []*ssa.Store
	for _, b := range init.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
				out = append(out, st)
			}
		}
	}
	return out
}

// heldAsValues reports whether the package uses the function of interest,
// or one of its forwarders, as a value rather than only calling it: stores
// it, passes it, or makes a closure of it. Without that no func value can
// be one of them.
func (r *resolver) heldAsValues() bool {
	isTarget := func(v ssa.Value) bool {
		switch x := v.(type) {
		case *ssa.Function:
			return r.target(x) || r.wrappers[ssax.Origin(x)] != nil
		case *ssa.MakeClosure:
			return r.wrappers[x.Fn.(*ssa.Function)] != nil
		}
		return false
	}
	funcs := r.h.local.funcs
	if len(funcs) > 0 {
		if init := funcs[0].Pkg.Func("init"); init != nil {
			funcs = append([]*ssa.Function{init}, funcs...)
		}
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ops = instr.Operands(ops[:0])
				if call, ok := instr.(ssa.CallInstruction); ok && !call.Common().IsInvoke() {
					ops = ops[1:] // the callee itself: a call, not a use as a value
				}
				for _, op := range ops {
					if *op != nil && isTarget(*op) {
						return true
					}
				}
			}
		}
	}
	return false
}
