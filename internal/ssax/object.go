package ssax

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Which SSA values denote the same object. Two rules live here, because
// the passes ask two questions:
//
//   - Converted takes one step through an operation that yields its operand
//     under another type (reservedclose: a resource converted to an
//     interface, or a slice of the same array, is still the resource).
//   - Canon follows such steps to the end, and further through the
//     operations that yield the same pointer without a conversion: a type
//     assertion that cannot fail, a load of a local variable that only ever
//     holds one value, the first result of v, ok := x.(T). It stops at a
//     conversion to a type the collector does not trace (uintptr) (refcycle:
//     does this reference keep that object alive?).

// Converted returns the operand of a value that is the same object under
// another type (or a slice of the same backing array), and whether v is
// such a value.
func Converted(v ssa.Value) (ssa.Value, bool) {
	switch d := v.(type) {
	case *ssa.ChangeType:
		return d.X, true
	case *ssa.ChangeInterface:
		return d.X, true
	case *ssa.MakeInterface:
		return d.X, true
	case *ssa.Convert:
		return d.X, true
	case *ssa.SliceToArrayPointer:
		return d.X, true
	case *ssa.Slice:
		return d.X, true
	}
	return nil, false
}

// Canon looks through the operations that yield the same object (or an
// interior pointer into the same backing array) under a different type or
// through a variable that holds it, and returns the value the object comes
// from.
func Canon(v ssa.Value) ssa.Value {
	for {
		if x, ok := Converted(v); ok {
			if cv, isConv := v.(*ssa.Convert); isConv && (!PointerLike(cv.Type()) || !PointerLike(x.Type())) {
				return v // e.g. to uintptr: the collector no longer sees it
			}
			v = x
			continue
		}
		switch x := v.(type) {
		case *ssa.MultiConvert:
			v = x.X
		case *ssa.TypeAssert:
			if x.CommaOk {
				return v
			}
			v = x.X
		case *ssa.UnOp:
			cell, ok := x.X.(*ssa.Alloc)
			if x.Op != token.MUL || !ok {
				return v
			}
			if v = OnlyReference(cell); v == nil {
				return x
			}
		case *ssa.Extract:
			if x.Index != 0 {
				return v
			}
			switch t := x.Tuple.(type) {
			case *ssa.TypeAssert:
				v = t.X
			case *ssa.Lookup, *ssa.UnOp:
				return t // v, ok := m[k] and v, ok := <-ch
			default:
				return v
			}
		default:
			return v
		}
	}
}

// StoredOnce returns the value stored in a local variable that is
// assigned exactly once (by the function that declares it), or nil. Other
// uses of the variable, including closures that capture it, are not
// examined.
func StoredOnce(cell *ssa.Alloc) ssa.Value {
	var v ssa.Value
	for _, ref := range *cell.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == cell {
			if v != nil {
				return nil
			}
			v = st.Val
		}
	}
	return v
}

// OnlyReference returns the one reference a local variable of pointer-like
// type holds for its whole life: it is stored exactly once and otherwise
// only read, or captured by closures that do not assign it (see
// MayAssignFreeVar). It returns nil for any other variable.
func OnlyReference(cell *ssa.Alloc) ssa.Value {
	if !PointerLike(Deref(cell.Type())) {
		return nil
	}
	for _, ref := range *cell.Referrers() {
		switch in := ref.(type) {
		case *ssa.Store:
			if in.Addr != cell {
				return nil // the variable's address is stored elsewhere
			}
		case *ssa.UnOp:
			if in.Op != token.MUL {
				return nil
			}
		case *ssa.MakeClosure:
			fn := in.Fn.(*ssa.Function)
			for i, b := range in.Bindings {
				if b == cell && MayAssignFreeVar(fn, i) {
					return nil
				}
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return StoredOnce(cell)
}

// AssignsFreeVar reports whether closure fn stores into its i'th captured
// variable.
func AssignsFreeVar(fn *ssa.Function, i int) bool {
	if i >= len(fn.FreeVars) {
		return false
	}
	for _, ref := range *fn.FreeVars[i].Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == fn.FreeVars[i] {
			return true
		}
	}
	return false
}

// MayAssignFreeVar reports whether closure fn may store into its i'th
// captured variable: it does so itself, or it captures the variable again
// in a nested closure, which is not followed.
func MayAssignFreeVar(fn *ssa.Function, i int) bool {
	if AssignsFreeVar(fn, i) {
		return true
	}
	if i >= len(fn.FreeVars) {
		return false
	}
	for _, ref := range *fn.FreeVars[i].Referrers() {
		if _, ok := ref.(*ssa.MakeClosure); ok {
			return true
		}
	}
	return false
}

// PointerLike reports whether a value of type t is a single reference the
// collector traces: a pointer, slice, map, channel, func or unsafe.Pointer.
func PointerLike(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// Deref returns the element type of a pointer type, or t itself.
func Deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Field returns field i of the struct type t (or of the struct t points
// to), or nil when the struct is only known through a type parameter's
// constraint.
func Field(t types.Type, i int) *types.Var {
	if st, ok := Deref(t).Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i)
	}
	return nil
}

// Origin returns the generic function an instance was made from, or fn
// itself.
func Origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// Result returns result r of a call: the call itself when it has a single
// result, the Extract of result r from its tuple otherwise. It returns nil
// for go and defer, which have no results, and when result r is not used.
func Result(call ssa.CallInstruction, r int) ssa.Value {
	res := call.Value()
	if res == nil {
		return nil
	}
	if _, ok := res.Type().(*types.Tuple); !ok {
		if r == 0 {
			return res
		}
		return nil
	}
	for _, ref := range *res.Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == r {
			return e
		}
	}
	return nil
}
