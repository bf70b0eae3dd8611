package heapgraph

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// This file answers, for the witnesses, which values of the package may
// denote the very object a question is about (for refcycle, the object
// passed to runtime.SetFinalizer or runtime.AddCleanup). A witness (a chain of references in one function's
// graph, see witness.go) only concerns that object if it starts or ends at
// one of these values: that a test links some other instance of the type to
// itself says nothing about the instance it finalizes.
//
// Identity flows, looking through the conversions that keep the object
// (ssax.Canon), along:
//   - phi nodes (a phi may be any of its edges);
//   - static calls to the package's own functions: arguments to
//     parameters, returned values to the call's results, and, for a
//     function that returns one of its parameters, an argument to the
//     call's result (an identity summary);
//   - closures: a binding to the closure's free variable;
//   - stores and loads of the same location: a struct field (of any
//     instance: field-sensitive, not object-sensitive), the elements of a
//     slice, array, map or channel held in such a field, a global, or a
//     local variable (also through the closures that capture it); append
//     and storing or loading a container carry its elements along.
//
// The search goes backward from the object to its possible sources (a phi's
// edges, a parameter's arguments at every call site, the values a callee
// returns, the values stored where it was loaded from) and forward from
// each of those to the values that may hold it. Calls are matched: a
// search that enters a callee (through an argument, or backward from a
// call's result) does not leave it through its parameters or its results
// to every other caller, only through the identity summary at the call it
// came in by. So two objects made by two calls of the same constructor, or
// passed through the same helper, stay apart; a store and a load of the
// same field do not.

// A loc is an abstract location: a field of any instance of a struct type,
// a global, or a local container or variable; with inner set, the elements
// of the slice, array, map or channel held there.
type loc struct {
	field  *types.Var
	global *ssa.Global
	val    ssa.Value
	inner  bool
}

// An argUse is an argument of a static call to one of the package's
// functions.
type argUse struct {
	call   ssa.CallInstruction
	callee *ssa.Function
	k      int
}

// A retUse is a value returned as result r of fn.
type retUse struct {
	fn *ssa.Function
	r  int
}

// A passEdge says that a function may return its parameter param as its
// result number result.
type passEdge struct{ param, result int }

// flowIndex holds how identity flows among the values of the package's
// functions.
type flowIndex struct {
	local    *localFuncs
	sites    map[*ssa.Function][]ssa.CallInstruction // static calls of each function
	returned map[*ssa.Function][][]ssa.Value         // result number -> returned values
	phis     map[ssa.Value][]*ssa.Phi
	args     map[ssa.Value][]argUse
	rets     map[ssa.Value][]retUse
	binds    map[ssa.Value][]*ssa.FreeVar
	fvBind   map[*ssa.FreeVar][]ssa.Value
	storedIn map[ssa.Value][]loc
	stores   map[loc][]ssa.Value
	storedAt map[loc][]token.Pos // where each of stores[loc] is stored
	loadOf   map[ssa.Value][]loc
	loads    map[loc][]ssa.Value
	copies   map[loc][]loc // the contents of one location flow into another
	copiedTo map[loc][]loc // the reverse
	passes   map[*ssa.Function][]passEdge
}

func newFlowIndex(local *localFuncs) *flowIndex {
	funcs := local.funcs
	ix := &flowIndex{
		local:    local,
		sites:    make(map[*ssa.Function][]ssa.CallInstruction),
		returned: make(map[*ssa.Function][][]ssa.Value),
		phis:     make(map[ssa.Value][]*ssa.Phi),
		args:     make(map[ssa.Value][]argUse),
		rets:     make(map[ssa.Value][]retUse),
		binds:    make(map[ssa.Value][]*ssa.FreeVar),
		fvBind:   make(map[*ssa.FreeVar][]ssa.Value),
		storedIn: make(map[ssa.Value][]loc),
		stores:   make(map[loc][]ssa.Value),
		storedAt: make(map[loc][]token.Pos),
		loadOf:   make(map[ssa.Value][]loc),
		loads:    make(map[loc][]ssa.Value),
		copies:   make(map[loc][]loc),
		copiedTo: make(map[loc][]loc),
		passes:   make(map[*ssa.Function][]passEdge),
	}
	// Closures first: loads through a free variable need its binding.
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mc, ok := instr.(*ssa.MakeClosure)
				if !ok {
					continue
				}
				cl := mc.Fn.(*ssa.Function)
				for i, v := range mc.Bindings {
					if i < len(cl.FreeVars) {
						fv := cl.FreeVars[i]
						ix.binds[ssax.Canon(v)] = append(ix.binds[ssax.Canon(v)], fv)
						ix.fvBind[fv] = append(ix.fvBind[fv], v)
					}
				}
			}
		}
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ix.scan(fn, instr)
			}
		}
	}
	local.solve(func(i int) bool {
		fn := funcs[i]
		p := ix.summarizePasses(fn)
		if slices.Equal(p, ix.passes[fn]) {
			return false
		}
		ix.passes[fn] = p
		return true
	})
	return ix
}

func (ix *flowIndex) scan(fn *ssa.Function, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Phi:
		for _, e := range in.Edges {
			ix.phis[ssax.Canon(e)] = append(ix.phis[ssax.Canon(e)], in)
		}
	case *ssa.Return:
		rs := ix.returned[fn]
		for len(rs) < len(in.Results) {
			rs = append(rs, nil)
		}
		for r, v := range in.Results {
			v = ssax.Canon(v)
			rs[r] = append(rs[r], v)
			ix.rets[v] = append(ix.rets[v], retUse{fn, r})
		}
		ix.returned[fn] = rs
	case *ssa.Store:
		if l, ok := ix.addrLoc(in.Addr, 0); ok {
			ix.store(l, in.Val, in.Pos())
			if c, ok := ix.contents(in.Val, 0); ok {
				l.inner = true
				ix.copy(c, l)
			}
		}
	case *ssa.MapUpdate:
		if l, ok := ix.contents(in.Map, 0); ok {
			ix.store(l, in.Key, in.Pos())
			ix.store(l, in.Value, in.Pos())
		}
	case *ssa.Send:
		if l, ok := ix.contents(in.Chan, 0); ok {
			ix.store(l, in.X, in.Pos())
		}
	case *ssa.UnOp:
		switch in.Op {
		case token.MUL:
			if l, ok := ix.addrLoc(in.X, 0); ok {
				ix.load(l, in)
			}
		case token.ARROW:
			if l, ok := ix.contents(in.X, 0); ok {
				ix.load(l, in)
			}
		}
	case *ssa.Lookup:
		if _, ok := in.X.Type().Underlying().(*types.Map); ok {
			if l, ok := ix.contents(in.X, 0); ok {
				ix.load(l, in)
			}
		}
	case *ssa.Index:
		if l, ok := ix.contents(in.X, 0); ok {
			ix.load(l, in)
		}
	case *ssa.Field:
		if st, ok := in.X.Type().Underlying().(*types.Struct); ok && in.Field < st.NumFields() {
			ix.load(loc{field: st.Field(in.Field).Origin()}, in)
		}
	case *ssa.Extract:
		// k, v := range m
		if next, ok := in.Tuple.(*ssa.Next); ok && !next.IsString && in.Index > 0 {
			if rng, ok := next.Iter.(*ssa.Range); ok {
				if l, ok := ix.contents(rng.X, 0); ok {
					ix.load(l, in)
				}
			}
		}
	case ssa.CallInstruction:
		common := in.Common()
		if b, ok := common.Value.(*ssa.Builtin); ok {
			// append and copy carry the elements along.
			switch {
			case b.Name() == "append" && in.Value() != nil:
				if dst, ok := ix.contents(in.Value(), 0); ok {
					for _, a := range common.Args {
						if src, ok := ix.contents(a, 0); ok {
							ix.copy(src, dst)
						}
					}
				}
			case b.Name() == "copy" && len(common.Args) == 2:
				dst, ok1 := ix.contents(common.Args[0], 0)
				src, ok2 := ix.contents(common.Args[1], 0)
				if ok1 && ok2 {
					ix.copy(src, dst)
				}
			}
			return
		}
		callee, _ := ix.local.callee(common)
		if callee == nil {
			return
		}
		ix.sites[callee] = append(ix.sites[callee], in)
		for k, a := range common.Args {
			a = ssax.Canon(a)
			ix.args[a] = append(ix.args[a], argUse{in, callee, k})
		}
	}
}

func (ix *flowIndex) store(l loc, v ssa.Value, pos token.Pos) {
	v = ssax.Canon(v)
	ix.stores[l] = append(ix.stores[l], v)
	ix.storedAt[l] = append(ix.storedAt[l], pos)
	ix.storedIn[v] = append(ix.storedIn[v], l)
}

func (ix *flowIndex) load(l loc, v ssa.Value) {
	v = ssax.Canon(v)
	ix.loads[l] = append(ix.loads[l], v)
	ix.loadOf[v] = append(ix.loadOf[v], l)
}

func (ix *flowIndex) copy(src, dst loc) {
	if src != dst {
		ix.copies[src] = append(ix.copies[src], dst)
		ix.copiedTo[dst] = append(ix.copiedTo[dst], src)
	}
}

// addrLoc returns the location an address denotes.
func (ix *flowIndex) addrLoc(addr ssa.Value, depth int) (loc, bool) {
	if depth > 4 {
		return loc{}, false
	}
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if f := ssax.Field(a.X.Type(), a.Field); f != nil {
			return loc{field: f.Origin()}, true
		}
	case *ssa.IndexAddr:
		return ix.contents(a.X, depth+1)
	case *ssa.Global:
		return loc{global: a}, true
	case *ssa.Alloc:
		return loc{val: a}, true
	case *ssa.FreeVar:
		// The variable captured where the closure is made.
		if bs := ix.fvBind[a]; len(bs) > 0 {
			return ix.addrLoc(bs[0], depth+1)
		}
	}
	return loc{}, false
}

// contents returns the location of the elements of a container: a slice,
// map or channel value, an array value, or a pointer to an array.
func (ix *flowIndex) contents(x ssa.Value, depth int) (loc, bool) {
	if depth > 4 {
		return loc{}, false
	}
	for {
		s, ok := x.(*ssa.Slice)
		if !ok {
			break
		}
		x = s.X
	}
	if ct, ok := x.(*ssa.ChangeType); ok {
		x = ct.X
	}
	var l loc
	switch t := x.Type().Underlying().(type) {
	case *types.Pointer:
		if _, ok := t.Elem().Underlying().(*types.Array); !ok {
			return loc{}, false
		}
		var ok bool
		if l, ok = ix.addrLoc(x, depth+1); !ok {
			return loc{}, false
		}
	case *types.Slice, *types.Map, *types.Chan, *types.Array:
		switch v := x.(type) {
		case *ssa.UnOp:
			if v.Op != token.MUL {
				l = loc{val: v}
				break
			}
			var ok bool
			if l, ok = ix.addrLoc(v.X, depth+1); !ok {
				return loc{}, false
			}
		case *ssa.Field:
			st, ok := v.X.Type().Underlying().(*types.Struct)
			if !ok || v.Field >= st.NumFields() {
				return loc{}, false
			}
			l = loc{field: st.Field(v.Field).Origin()}
		default:
			l = loc{val: ssax.Canon(x)} // a local container
		}
	default:
		return loc{}, false
	}
	l.inner = true
	return l, true
}

// summarizePasses lists which parameters fn may return as which results,
// using the current summaries of its callees.
func (ix *flowIndex) summarizePasses(fn *ssa.Function) []passEdge {
	var out []passEdge
	for k, p := range fn.Params {
		seen := map[ssa.Value]bool{}
		stack := []ssa.Value{ssax.Canon(p)}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[v] {
				continue
			}
			seen[v] = true
			for _, u := range ix.rets[v] {
				if u.fn == fn {
					out = append(out, passEdge{k, u.r})
				}
			}
			for _, phi := range ix.phis[v] {
				stack = append(stack, phi)
			}
			for _, a := range ix.args[v] {
				for _, e := range ix.passes[a.callee] {
					if e.param == a.k {
						if r := ssax.Result(a.call, e.result); r != nil {
							stack = append(stack, ssax.Canon(r))
						}
					}
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y passEdge) int {
		if x.param != y.param {
			return x.param - y.param
		}
		return x.result - y.result
	})
	return slices.Compact(out)
}

// callOf returns the static call to a package function whose result r is
// v, or nil.
func (ix *flowIndex) callOf(v ssa.Value) (ssa.CallInstruction, *ssa.Function, int) {
	r := 0
	if e, ok := v.(*ssa.Extract); ok {
		v, r = e.Tuple, e.Index
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil, nil, 0
	}
	callee, _ := ix.local.callee(call.Common())
	if callee == nil {
		return nil, nil, 0
	}
	return call, callee, r
}

// paramIndex returns the position of p among its function's parameters.
func paramIndex(p *ssa.Parameter) int {
	return slices.Index(p.Parent().Params, p)
}

// aliases returns the values that may denote the same object as x, among
// those whose type ok accepts.
func (ix *flowIndex) aliases(x ssa.Value, ok func(types.Type) bool) map[ssa.Value]bool {
	type state struct {
		v             ssa.Value
		back, entered bool
	}
	out := make(map[ssa.Value]bool)
	seen := make(map[state]bool)
	var queue []state
	push := func(v ssa.Value, back, entered bool) {
		if v == nil {
			return
		}
		v = ssax.Canon(v)
		switch v.(type) {
		case *ssa.Const, *ssa.Function, *ssa.Builtin:
			return
		}
		if !ok(objType(v.Type())) {
			return
		}
		s := state{v, back, entered}
		if seen[s] {
			return
		}
		seen[s] = true
		out[v] = true
		queue = append(queue, s)
	}
	// Locations: forward, to the values loaded from a location and those
	// it is copied into; backward, to the values stored there and in the
	// locations copied into it.
	seenLoc := make(map[loc]int) // bit 1: forward, bit 2: backward
	var fwdLoc, backLoc func(l loc)
	fwdLoc = func(l loc) {
		if seenLoc[l]&1 != 0 {
			return
		}
		seenLoc[l] |= 1
		for _, v := range ix.loads[l] {
			push(v, false, false)
		}
		for _, d := range ix.copies[l] {
			fwdLoc(d)
		}
	}
	backLoc = func(l loc) {
		if seenLoc[l]&2 != 0 {
			return
		}
		seenLoc[l] |= 2
		for _, v := range ix.stores[l] {
			push(v, true, false)
		}
		for _, s := range ix.copiedTo[l] {
			backLoc(s)
		}
	}

	push(x, true, false)
	for i := 0; i < len(queue); i++ {
		s := queue[i]
		v := s.v
		if s.back {
			// Toward the object's sources; each of them may be the object,
			// and so may all that holds it.
			push(v, false, s.entered)
			switch v := v.(type) {
			case *ssa.Phi:
				for _, e := range v.Edges {
					push(e, true, s.entered)
				}
			case *ssa.Parameter:
				if !s.entered {
					if k := paramIndex(v); k >= 0 {
						for _, call := range ix.sites[v.Parent()] {
							if args := call.Common().Args; k < len(args) {
								push(args[k], true, false)
							}
						}
					}
				}
			case *ssa.FreeVar:
				for _, b := range ix.fvBind[v] {
					push(b, true, false)
				}
			}
			if call, callee, r := ix.callOf(v); call != nil {
				if r < len(ix.returned[callee]) {
					for _, rv := range ix.returned[callee][r] {
						push(rv, true, true)
					}
				}
				for _, e := range ix.passes[callee] {
					if e.result == r && e.param < len(call.Common().Args) {
						push(call.Common().Args[e.param], true, s.entered)
					}
				}
			}
			for _, l := range ix.loadOf[v] {
				backLoc(l)
			}
			continue
		}
		// Forward: the values that may hold the object.
		for _, phi := range ix.phis[v] {
			push(phi, false, s.entered)
		}
		for _, a := range ix.args[v] {
			if a.k < len(a.callee.Params) {
				push(a.callee.Params[a.k], false, true)
			}
			for _, e := range ix.passes[a.callee] {
				if e.param == a.k {
					push(ssax.Result(a.call, e.result), false, s.entered)
				}
			}
		}
		if !s.entered {
			for _, u := range ix.rets[v] {
				for _, call := range ix.sites[u.fn] {
					push(ssax.Result(call, u.r), false, false)
				}
			}
		}
		for _, fv := range ix.binds[v] {
			push(fv, false, false)
		}
		for _, l := range ix.storedIn[v] {
			fwdLoc(l)
		}
	}
	return out
}

// objType is the type of the object a value denotes: for the tuple of
// v, ok := m[k] (which ssax.Canon keeps), the type of v.
func objType(t types.Type) types.Type {
	if tu, ok := t.(*types.Tuple); ok && tu.Len() > 0 {
		return tu.At(0).Type()
	}
	return t
}

// mayDenote returns a predicate for the types of values that may denote an
// object denoted by a value of type t: t itself (or a pointer to the same
// kind of object), interfaces (which include type parameters) and
// unsafe.Pointer.
func mayDenote(t types.Type) func(types.Type) bool {
	same := sameType(objType(t))
	return func(u types.Type) bool {
		if same(u) {
			return true
		}
		switch u := u.Underlying().(type) {
		case *types.Interface:
			return true
		case *types.Basic:
			return u.Kind() == types.UnsafePointer
		}
		return false
	}
}
