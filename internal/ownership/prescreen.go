package ownership

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// mayDischarge is a cheap, flow-insensitive look at everything derived from
// a parameter: it reports whether any use could release it or hand it on.
// Most parameters are only read, compared and passed to borrowing callees;
// they are summarised as borrowed without the block-by-block search.
// It must never say false where the search could find an effect.
func (env *Env) mayDischarge(v ssa.Value) bool {
	seen := map[ssa.Value]bool{v: true}
	work := []ssa.Value{v}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, ref := range *x.Referrers() {
			switch r := ref.(type) {
			case *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.Convert,
				*ssa.SliceToArrayPointer, *ssa.Slice, *ssa.TypeAssert, *ssa.Extract,
				*ssa.FieldAddr, *ssa.Field, *ssa.IndexAddr, *ssa.Index, *ssa.Lookup, *ssa.Phi:
				if d := r.(ssa.Value); !seen[d] && mayRefer(d) {
					seen[d] = true
					work = append(work, d)
				}
			case *ssa.UnOp:
				if r.Op == token.MUL && !seen[r] && mayRefer(r) {
					seen[r] = true
					work = append(work, r)
				}
			case *ssa.Store:
				if seen[r.Val] {
					return true
				}
			case *ssa.Return, *ssa.MapUpdate, *ssa.Send, *ssa.Select, *ssa.MakeClosure:
				return true
			case ssa.CallInstruction:
				if env.callMayDischarge(r.Common(), seen) {
					return true
				}
				if c, ok := r.(*ssa.Call); ok && !seen[c] {
					// A borrowing callee may still hand it back in a result.
					seen[c] = true
					work = append(work, c)
				}
			}
		}
	}
	return false
}

func (env *Env) callMayDischarge(common *ssa.CallCommon, derived map[ssa.Value]bool) bool {
	if common.IsInvoke() {
		if derived[common.Value] && (resource.IsReleaseName(common.Method.Name()) || env.mayEnd(common.Method, common.Value.Type())) {
			return true
		}
		for _, a := range common.Args {
			if derived[a] {
				return true
			}
		}
		return false
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		// copy keeps what it copies; append's result, which holds it, is
		// followed by the caller; len, cap and the rest only look.
		return b.Name() == "copy"
	}
	if m := ssax.Method(common); m != nil && len(common.Args) > 0 && derived[common.Args[0]] {
		if resource.IsReleaseName(m.Name()) || env.mayEnd(m, common.Args[0].Type()) {
			return true
		}
	}
	params, _, known := env.calleeSummary(common)
	if !known {
		return derived[common.Value] || anyDerived(common.Args, derived)
	}
	for i, a := range common.Args {
		if p, _ := paramAt(params, i); derived[a] && !p.trivial() {
			return true
		}
	}
	return false
}

// mayEnd reports whether calling m on a value of type recv may release
// it: a release method, or one that releases it by its result (Next
// returning false, Recv or Scan failing).
func (env *Env) mayEnd(m *types.Func, recv types.Type) bool {
	if env.isReleaseMethod(m, recv) {
		return true
	}
	fam := env.familyOfType(recv)
	return fam != nil && fam.ReleaseField == "" &&
		(slices.Contains(fam.ReleasedWhenFalse, m.Name()) || slices.Contains(fam.ReleasedOnError, m.Name()))
}

func anyDerived(vs []ssa.Value, derived map[ssa.Value]bool) bool {
	for _, v := range vs {
		if derived[v] {
			return true
		}
	}
	return false
}

// mayRefer: a value whose type holds no pointers (an int field, a bool
// from a comma-ok) cannot refer to the resource; the search never tracks
// one, so neither does the prescreen. Tuples are followed (their
// components are extracted).
func mayRefer(v ssa.Value) bool {
	if _, ok := v.Type().(*types.Tuple); ok {
		return true
	}
	return ssax.MayHoldPointers(v.Type())
}

// mayCarry reports whether a value of type t could be, or refer to, a
// resource: whether t reaches a family type, a type with a release method,
// a named type converted to or from another, an interface, a function (a
// closure captures), a type parameter or an unsafe.Pointer through its
// fields, elements and pointers. A parameter whose type cannot carry one (a
// []byte, a *big.Int, a struct of strings) is never given a resource by any
// caller, so its summary is borrow without a search.
func (env *Env) mayCarry(t types.Type) bool {
	if len(env.extra) > 0 {
		// A declared acquisition's type may be anything.
		return true
	}
	if env.converted == nil {
		env.converted = convertedStructs(env.funcs)
	}
	return ssax.Reaches(t, env.isCarrier, env.carries)
}

func (env *Env) isCarrier(t types.Type) (accept, decided bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if ok && (env.familyOfType(named) != nil || hasReleaseName(named) || env.converted[named.Underlying()]) {
		return true, true
	}
	return false, false
}

// hasReleaseName: a type whose methods include one named like a release
// (Close, Release, ...) may be the family of an acquisition declared in a
// package this one does not import.
func hasReleaseName(named *types.Named) bool {
	for i := range named.NumMethods() {
		if resource.IsReleaseName(named.Method(i).Name()) {
			return true
		}
	}
	return false
}

// convertedStructs returns the underlying types of the named types that
// the package's functions convert to or from one another (type connRow
// Rows; (*connRow)(rows)): a value of such a type may be a resource of the
// other's family, whatever its fields.
func convertedStructs(funcs []*ssa.Function) map[types.Type]bool {
	out := make(map[types.Type]bool)
	note := func(t types.Type) {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if _, ok := types.Unalias(t).(*types.Named); ok {
			out[t.Underlying()] = true
		}
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.ChangeType); ok {
					note(c.X.Type())
					note(c.Type())
				}
			}
		}
	}
	return out
}

// cannotReturn reports whether no path from b reaches a return of its
// function: every one panics (or loops forever). A function that recovers
// may return after a panic, so none of its blocks is doomed.
func (env *Env) cannotReturn(b *ssa.BasicBlock) bool {
	fn := b.Parent()
	if fn.Recover != nil {
		return false
	}
	returns, ok := env.returning[fn]
	if !ok {
		returns = blocksReachingReturn(fn)
		if env.returning == nil {
			env.returning = make(map[*ssa.Function][]bool)
		}
		env.returning[fn] = returns
	}
	return !returns[b.Index]
}

// blocksReachingReturn returns, by block index, whether a path from the
// block reaches a return.
func blocksReachingReturn(fn *ssa.Function) []bool {
	reach := make([]bool, len(fn.Blocks))
	var work []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			reach[b.Index] = true
			work = append(work, b)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range b.Preds {
			if !reach[p.Index] {
				reach[p.Index] = true
				work = append(work, p)
			}
		}
	}
	return reach
}
