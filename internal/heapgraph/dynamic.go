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
// the types a closure captures, the elements an append adds. The walk goes
// at most maxDynamicDepth steps from v and visits a value again only when
// it reaches it in fewer steps than before: φ-nodes of a loop over a large
// switch would otherwise be followed along every path (exponential: one
// nats-server package never finished).
func concreteTypes(v ssa.Value, depth int) []types.Type {
	w := dynamicWalk{steps: make(map[ssa.Value]int), seen: make(map[types.Type]bool)}
	w.visit(v, depth)
	return w.out
}

const maxDynamicDepth = 6

type dynamicWalk struct {
	steps map[ssa.Value]int // the fewest steps at which each value was visited
	seen  map[types.Type]bool
	out   []types.Type
	calls int // visits, for the test of the bound
}

func (w *dynamicWalk) visit(v ssa.Value, depth int) {
	w.calls++
	if depth > maxDynamicDepth {
		return
	}
	v = ssax.Canon(v)
	if d, ok := w.steps[v]; ok && d <= depth {
		return
	}
	w.steps[v] = depth
	switch x := v.(type) {
	case *ssa.MakeClosure:
		for _, b := range x.Bindings {
			w.visit(Captured(b), depth+1)
		}
		return
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			w.visit(x.Call.Args[1], depth+1)
			return
		}
	case *ssa.Alloc:
		if _, ok := ssax.Deref(x.Type()).Underlying().(*types.Array); !ok {
			break // a new object: its own type
		}
		// The backing array of an append's variadic slice.
		for _, ref := range *x.Referrers() {
			if ia, ok := ref.(*ssa.IndexAddr); ok {
				for _, r := range *ia.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
						w.visit(st.Val, depth+1)
					}
				}
			}
		}
		return
	case *ssa.Phi:
		for _, e := range x.Edges {
			w.visit(e, depth+1)
		}
		return
	case *ssa.Const, *ssa.Function:
		return
	}
	switch v.Type().Underlying().(type) {
	case *types.Interface, *types.Signature:
		return
	}
	if t := v.Type(); !w.seen[t] {
		w.seen[t] = true
		w.out = append(w.out, t)
	}
}
