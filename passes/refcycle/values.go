package refcycle

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/typegraph"
)

// Which SSA values denote the same object, and how to name them.

// canon looks through the operations that yield the same object (or an
// interior pointer into the same backing array) under a different type.
func canon(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.SliceToArrayPointer:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.MultiConvert:
			v = x.X
		case *ssa.Convert:
			if !pointerLike(x.Type()) || !pointerLike(x.X.Type()) {
				return v // e.g. to uintptr: the collector no longer sees it
			}
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
			if v = onceAssigned(cell); v == nil {
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

// onceAssigned returns the value stored in a local variable's cell if it
// is stored exactly once and otherwise only read or captured (and not
// assigned by the closures that capture it), else nil.
func onceAssigned(cell *ssa.Alloc) ssa.Value {
	if !pointerLike(deref(cell.Type())) {
		return nil
	}
	var val ssa.Value
	for _, ref := range *cell.Referrers() {
		switch in := ref.(type) {
		case *ssa.Store:
			if in.Addr != cell || val != nil {
				return nil
			}
			val = in.Val
		case *ssa.UnOp:
			if in.Op != token.MUL {
				return nil
			}
		case *ssa.MakeClosure:
			fn := in.Fn.(*ssa.Function)
			for i, b := range in.Bindings {
				if b == cell && i < len(fn.FreeVars) && assigns(fn.FreeVars[i]) {
					return nil
				}
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return val
}

// assigns reports whether a closure stores into a captured variable.
func assigns(fv *ssa.FreeVar) bool {
	for _, ref := range *fv.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == fv {
			return true
		}
		if _, ok := ref.(*ssa.MakeClosure); ok {
			return true // captured again: do not follow
		}
	}
	return false
}

func pointerLike(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// describeAddr names an address for messages: "Conn.pool", "Pool.conns[]".
func describeAddr(addr ssa.Value) string {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if f := fieldVar(a); f != nil {
			return typegraph.Name(deref(a.X.Type())) + "." + f.Name()
		}
		return "a field"
	case *ssa.IndexAddr:
		if ld, ok := a.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			return describeAddr(ld.X) + "[]"
		}
		return describeAddr(a.X) + "[]"
	case *ssa.Global:
		return a.Name()
	case *ssa.Alloc:
		if a.Comment != "" && !strings.Contains(a.Comment, " ") {
			return "variable " + a.Comment
		}
	}
	return "a variable"
}

// fieldVar returns the field a FieldAddr selects, or nil when the struct is
// only known through a type parameter's constraint.
func fieldVar(fa *ssa.FieldAddr) *types.Var {
	if st, ok := deref(fa.X.Type()).Underlying().(*types.Struct); ok && fa.Field < st.NumFields() {
		return st.Field(fa.Field)
	}
	return nil
}

// deref returns the element type of a pointer type, or t itself.
func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
