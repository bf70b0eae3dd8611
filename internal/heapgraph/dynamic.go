package heapgraph

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// recordDynamic tells the type graph which concrete types the package
// stores in interface- and func-typed fields (directly, or as elements of
// slices and maps held in them).
func recordDynamic(g *typegraph.Graph, funcs []*ssa.Function) {
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var addr, val ssa.Value
				switch in := instr.(type) {
				case *ssa.Store:
					addr, val = in.Addr, in.Val
				case *ssa.MapUpdate:
					if ld, ok := in.Map.(*ssa.UnOp); ok {
						addr, val = ld.X, in.Value
						recordField(g, addr, in.Key)
					}
				}
				if addr != nil {
					recordField(g, addr, val)
				}
			}
		}
	}
}

func recordField(g *typegraph.Graph, addr, val ssa.Value) {
	fa := fieldAddrOf(addr)
	if fa == nil {
		return
	}
	f := ssax.Field(fa.X.Type(), fa.Field)
	if f == nil || !typegraph.HoldsDynamic(f.Type()) {
		return
	}
	for _, t := range concreteTypes(val, 0) {
		g.AddDynamic(f, t)
	}
}

// fieldAddrOf returns the field an address is in (&x.f, &x.f[i], or
// &(*x.f)[i] for a slice field), or nil.
func fieldAddrOf(addr ssa.Value) *ssa.FieldAddr {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			return a
		case *ssa.IndexAddr:
			addr = a.X
			if ld, ok := addr.(*ssa.UnOp); ok {
				addr = ld.X
			}
		default:
			return nil
		}
	}
}

// concreteTypes returns the concrete types of the objects v may refer to
// through an interface or func value: the dynamic type of an interface,
// the types a closure captures, the elements an append adds.
func concreteTypes(v ssa.Value, depth int) []types.Type {
	if depth > 6 {
		return nil
	}
	v = ssax.Canon(v)
	switch x := v.(type) {
	case *ssa.MakeClosure:
		var out []types.Type
		for _, b := range x.Bindings {
			out = append(out, concreteTypes(Captured(b), depth+1)...)
		}
		return out
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			return concreteTypes(x.Call.Args[1], depth+1)
		}
	case *ssa.Alloc:
		if _, ok := ssax.Deref(x.Type()).Underlying().(*types.Array); !ok {
			break // a new object: its own type
		}
		// The backing array of an append's variadic slice.
		var out []types.Type
		for _, ref := range *x.Referrers() {
			if ia, ok := ref.(*ssa.IndexAddr); ok {
				for _, r := range *ia.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
						out = append(out, concreteTypes(st.Val, depth+1)...)
					}
				}
			}
		}
		return out
	case *ssa.Phi:
		var out []types.Type
		for _, e := range x.Edges {
			out = append(out, concreteTypes(e, depth+1)...)
		}
		return out
	case *ssa.Const, *ssa.Function:
		return nil
	}
	switch v.Type().Underlying().(type) {
	case *types.Interface, *types.Signature:
		return nil
	}
	return []types.Type{v.Type()}
}
