package ownership

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// Links: what a function's results owe to its parameters, which its
// callers must know to follow a resource through it (Param.TiedResults,
// SentResults, InvokedResults). A result is linked to a parameter only if
// every return gives the same resource (or nil, or a new struct holding it
// and no other resource the function acquired).

// returnedBits returns the results of fn in returned that give, on every
// path, result `result` of call (or nil, or a struct embedding it).
func (env *Env) returnedBits(fn *ssa.Function, call *ssa.Call, result int, returned uint32) uint32 {
	var bits uint32
	for r := range fn.Signature.Results().Len() {
		if returned&(1<<r) != 0 && env.returnsOnly(fn, r, call, result) {
			bits |= 1 << r
		}
	}
	return bits
}

// linkOf returns element i of a per-parameter list of fn, made on first
// use.
func linkOf(links []Param, fn *ssa.Function, i int) ([]Param, *Param) {
	if links == nil {
		links = make([]Param, len(fn.Params))
	}
	return links, &links[i]
}

// tiedParams adds to links (by parameter of fn) the results of fn that
// hand its callers the resource call acquired, result `result` of call,
// when a parameter of fn is one of the resource's parents (a helper
// preparing a statement on the transaction it was given returns a Stmt its
// callers' Rollback closes), or when call invokes a method on a parameter
// of interface type (whether the result is tied to it depends on the
// caller's concrete type). A result counts only if every return gives that
// resource, nil, or a struct embedding the resource.
func (env *Env) tiedParams(t *tied, fn *ssa.Function, call *ssa.Call, result int, returned uint32, links []Param) []Param {
	if returned == 0 {
		return links
	}
	paramIndex := func(v ssa.Value) int {
		if param, ok := v.(*ssa.Parameter); ok && param.Parent() == fn {
			return slices.Index(fn.Params, param)
		}
		return -1
	}
	var bits uint32
	if t != nil {
		for _, p := range t.parents {
			if i := paramIndex(p.v); i >= 0 {
				if bits == 0 {
					bits = env.returnedBits(fn, call, result, returned)
				}
				var l *Param
				links, l = linkOf(links, fn, i)
				l.TiedResults |= bits
			}
		}
	}
	if i := paramIndex(call.Call.Value); call.Call.IsInvoke() && i >= 0 {
		if bits == 0 {
			bits = env.returnedBits(fn, call, result, returned)
		}
		var l *Param
		links, l = linkOf(links, fn, i)
		switch name := call.Call.Method.Name(); {
		case bits == 0:
		case l.Invoked == "" || l.Invoked == name:
			l.Invoked, l.InvokedResults = name, l.InvokedResults|bits
		default:
			l.Invoked, l.InvokedResults = "", 0 // two methods: say nothing
		}
	}
	return links
}

// returnsOnly reports whether every return of fn gives, as result r, result
// `result` of call, nil, or a new struct one field of which holds it
// (&Stmt{Stmt: tx.Stmt(s)}).
func (env *Env) returnsOnly(fn *ssa.Function, r int, call *ssa.Call, result int) bool {
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		v := ret.Results[r]
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			continue
		}
		if cell := loadedCell(v); cell != nil {
			v = ssax.StoredOnce(cell) // the result variable of a function with a defer
		}
		if wrapper, ok := v.(*ssa.Alloc); ok && env.holdsOnce(wrapper, call, result) {
			continue
		}
		if v == nil {
			return false
		}
		if got, idx, wrapped := producer(v); got != call || idx != result || wrapped {
			return false
		}
	}
	return true
}

// holdsOnce reports whether one field of the new struct alloc, and one
// only, was given result `result` of call (&Stmt{Stmt: tx.Stmt(s)}), and
// no other field was given a resource acquired in the function: the
// struct's obligation is then that resource's.
func (env *Env) holdsOnce(alloc *ssa.Alloc, call *ssa.Call, result int) bool {
	n := 0
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, w := range *fa.Referrers() {
			store, ok := w.(*ssa.Store)
			if !ok || store.Addr != fa {
				continue
			}
			got, idx, wrapped := producer(store.Val)
			switch {
			case got == call && idx == result && !wrapped:
				n++
			case got != nil:
				if _, r, acquires := env.acquisition(&got.Call); acquires && r == idx {
					return false
				}
			}
		}
	}
	return n == 1
}
