package ownership

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// Resources kept in collections and in variables that closures capture:
// the shapes where following one value is not enough.

// capturedBefore reports whether a closure created before the store, on
// every path to it, captures the variable and releases (or keeps) what it
// holds: the resource put into the variable is then the closure's. A
// deferred closure (`defer func() { if rows != nil { rows.Close() } }()`
// written before `rows, err = db.Query(...)`) releases it at exit; one
// handed to t.Cleanup, a goroutine or a field keeps it. A closure only
// called in place is followed by the search itself.
func (s *search) capturedBefore(cell ssa.Value, at ssa.Instruction) (released, handed bool) {
	for _, ref := range *cell.Referrers() {
		mc, ok := ref.(*ssa.MakeClosure)
		if !ok || !precedes(mc, at) {
			continue
		}
		fn, _ := mc.Fn.(*ssa.Function)
		info := s.env.local[fn]
		if info == nil {
			continue
		}
		for i, b := range mc.Bindings {
			if b != cell {
				continue
			}
			p, _ := paramAt(info.freeVars, i)
			if p.Effect == Borrow {
				continue
			}
			for _, use := range *mc.Referrers() {
				switch use := use.(type) {
				case *ssa.Defer:
					if use.Call.Value == mc && precedes(use, at) {
						released = released || p.Effect == Release
						handed = handed || p.Effect == Keep
					}
				case *ssa.Call:
					if use.Call.Value != mc {
						handed = true // passed on: t.Cleanup(f), register(f)
					}
				case *ssa.Go, *ssa.Store, *ssa.MapUpdate, *ssa.Send:
					handed = true
				}
			}
		}
	}
	return released, handed
}

// precedes reports whether a executes before b on every path to b.
func precedes(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, instr := range ab.Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// elementsReleased reports whether the elements of a local slice or array
// are released somewhere in the function (`for _, c := range conns {
// c.Close() }`). Such a loop has a path that skips its body, but not when
// the collection holds the resource: a collection is released element-wise,
// so any release of its elements counts as releasing what was put in it.
func (s *search) elementsReleased(coll ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	var visit func(v ssa.Value) bool
	visit = func(v ssa.Value) bool {
		if seen[v] {
			return false
		}
		seen[v] = true
		if s.releasedSomewhere(v) {
			return true // closeAll(conns...): a callee releases the elements
		}
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.Slice, *ssa.Phi, *ssa.IndexAddr, *ssa.Index, *ssa.ChangeType:
				if visit(r.(ssa.Value)) {
					return true
				}
			case *ssa.UnOp:
				if r.Op == token.MUL && s.releasedSomewhere(r) {
					return true
				}
			case *ssa.Call:
				if b, ok := r.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && visit(r) {
					return true
				}
			case *ssa.Store:
				// Kept in a variable: follow the variable.
				if r.Val == v {
					if cell, ok := r.Addr.(*ssa.Alloc); ok && s.cellReleased(cell, visit) {
						return true
					}
				}
			}
		}
		return false
	}
	return visit(coll)
}

// isCollection: a slice, or (the address of) an array.
func isCollection(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}

// elementsMayHold: the elements of a slice or array can carry a resource
// (a []byte or a big.nat cannot, whatever its callees do with it).
func elementsMayHold(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch c := t.Underlying().(type) {
	case *types.Slice:
		return ssax.MayHoldPointers(c.Elem())
	case *types.Array:
		return ssax.MayHoldPointers(c.Elem())
	}
	return false
}

// cellReleased follows a variable holding a collection: its loads, and the
// closures that capture it and release or keep what it holds.
func (s *search) cellReleased(cell *ssa.Alloc, visit func(ssa.Value) bool) bool {
	for _, ref := range *cell.Referrers() {
		switch r := ref.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL && visit(r) {
				return true
			}
		case *ssa.MakeClosure:
			fn, _ := r.Fn.(*ssa.Function)
			info := s.env.local[fn]
			if info == nil {
				continue
			}
			for i, b := range r.Bindings {
				if p, _ := paramAt(info.freeVars, i); b == cell && p.Effect != Borrow {
					return true
				}
			}
		}
	}
	return false
}

// releasedSomewhere reports whether some call releases v or hands it on: a
// release method called on it, or a callee that releases or keeps it.
func (s *search) releasedSomewhere(v ssa.Value) bool {
	return s.releasedThrough(v, v)
}

// releasedThrough is releasedSomewhere for v, or for the address of a field
// embedded in v (by value): a promoted method (*net.UDPConn's Close is
// net.conn's) is called on that address.
func (s *search) releasedThrough(recvOf, v ssa.Value) bool {
	for _, ref := range *v.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok && fa.X == v {
			if f := ssax.Field(v.Type(), fa.Field); f != nil && f.Embedded() && s.releasedThrough(recvOf, fa) {
				return true
			}
			continue
		}
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			continue
		}
		common := call.Common()
		if recv := ssax.Receiver(common); recv == v {
			m := ssax.Method(common)
			switch {
			case m == nil:
			case s.env.isReleaseMethod(m, recvOf.Type()) || s.fam != nil && s.fam.IsRelease(m.Name(), false):
				return true
			case s.fam == nil && common.IsInvoke() && resource.IsReleaseName(m.Name()):
				return true // c.Close() on an io.Closer element
			}
		}
		if v != recvOf {
			continue // a callee given the embedded field has only part of it
		}
		params, _, known := s.env.calleeSummary(common)
		for i, a := range common.Args {
			if p, _ := paramAt(params, i); a == v && known && p.Effect != Borrow {
				return true // released, or handed on (pool.put(c))
			}
		}
	}
	return false
}
