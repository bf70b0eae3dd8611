package refcycle

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/heapgraph"
	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// The slice form of R3: a pop that leaves the popped element in the
// vacated slot of the backing array.

// slicePop checks the slice form: s.f = s.f[:len(s.f)-k] after reading
// s.f[len(s.f)-k], with no store into an element of s.f in the function.
func (c *checker) slicePop(fn *ssa.Function, st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	sl, ok := st.Val.(*ssa.Slice)
	if !ok || sl.High == nil || sl.Max != nil || (sl.Low != nil && !isZero(sl.Low)) || !isLoadOf(sl.X, fa) {
		return
	}
	slice, ok := sl.X.Type().Underlying().(*types.Slice)
	if !ok || !ssax.MayHoldPointers(slice.Elem()) || !isLenMinus(sl.High, fa) || !c.hasLifecycle(ssax.Deref(slice.Elem())) {
		return
	}
	handedOut := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.UnOp:
				if ia, ok := in.X.(*ssa.IndexAddr); ok && in.Op == token.MUL && isLoadOf(ia.X, fa) && sameIndex(ia.Index, sl.High) {
					handedOut = handedOut || returned(in)
				}
			case *ssa.Store:
				if ia, ok := in.Addr.(*ssa.IndexAddr); ok && isLoadOf(ia.X, fa) {
					return // the slot is zeroed (or reused by a swap-remove)
				}
			case *ssa.Call:
				if b, ok := in.Call.Value.(*ssa.Builtin); ok && b.Name() == "clear" && isLoadOf(ssax.Canon(in.Call.Args[0]), fa) {
					return
				}
			}
		}
	}
	if !handedOut {
		return
	}
	field := heapgraph.DescribeAddr(fa)
	c.report(ruleUnlink, fn.Pos(), fn.Pos(), []analysis.RelatedInformation{{Pos: st.Pos(), Message: "the slice is shortened here"}},
		"%s pops the last element of %s without clearing the vacated slot: the backing array keeps the popped %s, and all it holds, reachable until a later append overwrites the slot; set the slot to nil before re-slicing (or use slices.Delete, which clears it)",
		fn.Name(), field, typegraph.Name(slice.Elem()))
}

// returned reports whether v is returned (directly or through phis and
// conversions) by its function.
func returned(v ssa.Value) bool {
	for _, e := range escapes(v, nil) {
		if _, ok := e.(*ssa.Return); ok {
			return true
		}
	}
	return false
}

// isLoadOf reports whether v loads the field at addr (by access path).
func isLoadOf(v ssa.Value, addr ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	return ok && ld.Op == token.MUL && ssax.SamePath(ld.X, addr)
}

// isLenMinus reports whether v is len(s.f) - k for a constant k >= 1.
func isLenMinus(v ssa.Value, addr ssa.Value) bool {
	bin, ok := v.(*ssa.BinOp)
	if !ok || bin.Op != token.SUB {
		return false
	}
	if k, ok := ssax.IntConst(bin.Y); !ok || k < 1 {
		return false
	}
	call, ok := bin.X.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "len" && isLoadOf(call.Call.Args[0], addr)
}

// sameIndex compares two index expressions structurally, so that the
// len(s.f)-1 of the read and the one of the re-slice match.
func sameIndex(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	switch x := a.(type) {
	case *ssa.Const:
		y, ok := b.(*ssa.Const)
		return ok && x.Value != nil && y.Value != nil && x.Value.ExactString() == y.Value.ExactString()
	case *ssa.BinOp:
		y, ok := b.(*ssa.BinOp)
		return ok && x.Op == y.Op && sameIndex(x.X, y.X) && sameIndex(x.Y, y.Y)
	case *ssa.Call:
		y, ok := b.(*ssa.Call)
		if !ok || len(x.Call.Args) != 1 || len(y.Call.Args) != 1 {
			return false
		}
		bx, ok1 := x.Call.Value.(*ssa.Builtin)
		by, ok2 := y.Call.Value.(*ssa.Builtin)
		return ok1 && ok2 && bx.Name() == "len" && by.Name() == "len" && sameLoad(x.Call.Args[0], y.Call.Args[0])
	}
	return false
}

func sameLoad(a, b ssa.Value) bool {
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	return ok1 && ok2 && la.Op == token.MUL && lb.Op == token.MUL && ssax.SamePath(la.X, lb.X)
}

func isZero(v ssa.Value) bool {
	k, ok := ssax.IntConst(v)
	return ok && k == 0
}
