// Package ssax holds the small SSA queries that every connlint pass needs:
// which function a call really reaches, where an address is rooted, and how to
// name functions and types stably across packages.
//
// The passes share these so that "what does this call reach" is answered the
// same way everywhere (generic instances, promoted-method wrappers and bound
// method thunks all resolve to the declared function).
package ssax

import (
	"go/constant"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// Callee returns the declared function a call site reaches, or nil for a
// dynamic call (a func value or an unresolved interface method).
//
// Generic instances resolve to their generic origin, and synthetic wrappers
// (promoted methods, bound-method thunks) to the method they wrap, so that
// facts exported on the declaration are found.
func Callee(common *ssa.CallCommon) *types.Func {
	if common.IsInvoke() {
		return nil
	}
	return FuncObject(common.StaticCallee())
}

// FuncObject returns the declared *types.Func behind fn (its origin for
// generic instances), or nil for anonymous functions and nil fn.
func FuncObject(fn *ssa.Function) *types.Func {
	if fn == nil {
		return nil
	}
	if orig := fn.Origin(); orig != nil {
		fn = orig
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return nil
	}
	return obj.Origin()
}

// InvokedMethod returns the interface method named by an invoke-mode call,
// or nil for static and dynamic calls.
func InvokedMethod(common *ssa.CallCommon) *types.Func {
	if !common.IsInvoke() {
		return nil
	}
	return common.Method.Origin()
}

// Method returns the method a call names, static or invoked, or nil when the
// call is not a method call.
func Method(common *ssa.CallCommon) *types.Func {
	if m := InvokedMethod(common); m != nil {
		return m
	}
	if fn := Callee(common); fn != nil && fn.Signature().Recv() != nil {
		return fn
	}
	return nil
}

// Receiver returns the receiver operand of a method call (static or
// invoke), or nil when the call is not a method call.
func Receiver(common *ssa.CallCommon) ssa.Value {
	if common.IsInvoke() {
		return common.Value
	}
	if fn := Callee(common); fn != nil && fn.Signature().Recv() != nil && len(common.Args) > 0 {
		return common.Args[0]
	}
	return nil
}

// NamedOf returns the origin of the named type of t, looking through one
// pointer, or nil when t is neither a named type nor a pointer to one.
func NamedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin()
	}
	return nil
}

// TypeKey names a named type as "pkgpath.Name", the form used in the
// families table and in facts. It returns "" for unnamed types.
func TypeKey(t types.Type) string {
	n := NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		if n != nil {
			return n.Obj().Name() // universe types such as error
		}
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// FuncKey names a function as "pkgpath.Name" or, for methods (concrete or
// interface), "pkgpath.Recv.Name" with the receiver's pointer and type
// arguments dropped: the form used in the families table.
func FuncKey(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	fn = fn.Origin()
	if recv := fn.Signature().Recv(); recv != nil {
		if n := NamedOf(recv.Type()); n != nil {
			return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
		}
		// A method of an unnamed interface literal: no stable key.
		return ""
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// RunBefore yields the instructions that run before instr on every path
// to it: those of the blocks that dominate its block, and those before it
// in its own block.
func RunBefore(instr ssa.Instruction) iter.Seq[ssa.Instruction] {
	return func(yield func(ssa.Instruction) bool) {
		at := instr.Block()
		for _, b := range instr.Parent().Blocks {
			if !b.Dominates(at) {
				continue
			}
			for _, in := range b.Instrs {
				if in == instr {
					break
				}
				if !yield(in) {
					return
				}
			}
		}
	}
}

// AddrRoot follows field and element addressing back to the value the
// address is derived from: for &x.f[i].g it returns x.
func AddrRoot(addr ssa.Value) ssa.Value {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		default:
			return addr
		}
	}
}

// IsNil reports whether v is the constant nil. (SSA also uses a nil
// constant value for the zero struct and array, which are not nil.)
func IsNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value != nil {
		return false
	}
	switch c.Type().Underlying().(type) {
	case *types.Struct, *types.Array:
		return false
	}
	return true
}

// IntConst returns the value of an integer constant and whether v is one.
func IntConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// StringConst returns the value of a string constant.
func StringConst(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// MayHoldPointers reports whether a value of type t can refer to other
// memory: only such values can carry (or be) a resource.
func MayHoldPointers(t types.Type) bool {
	return mayHoldPointers(t, make(map[types.Type]bool))
}

func mayHoldPointers(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if mayHoldPointers(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	case *types.Array:
		return mayHoldPointers(u.Elem(), seen)
	case *types.TypeParam:
		return true
	default: // pointers, slices, maps, chans, funcs, interfaces, tuples
		return true
	}
}

// IsErrorType reports whether t is the predeclared error interface.
func IsErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
