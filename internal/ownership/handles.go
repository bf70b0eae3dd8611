package ownership

import (
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// Closures that capture the resource, and handles: a helper that returns a
// resource together with a function releasing it
//
//	conn, cleanup, err := getConn(ctx)
//	defer cleanup()
//
// hands the obligation to that function: calling or deferring it releases
// the resource, dropping it (and not releasing the resource otherwise)
// leaks. The helper's AcquireFact says which results are such releasers;
// at the call, they are tracked as roleReleaser.

// releasers returns the results of an acquiring call that release what it
// acquired when called.
func (env *Env) releasers(common *ssa.CallCommon) uint32 {
	if obj := ssax.Callee(common); obj != nil {
		var fact AcquireFact
		if env.pass.ImportObjectFact(obj, &fact) {
			return fact.Releasers
		}
	}
	if fn := common.StaticCallee(); fn != nil {
		if info := env.local[ssax.Origin(fn)]; info != nil && info.acquire != nil {
			return info.acquire.Releasers
		}
	}
	return 0
}

// isReleaser reports whether v, returned with role e, releases the
// resource when called: a releaser received from a callee, or a closure
// whose body releases the resource it captures.
func (s *search) isReleaser(v ssa.Value, e entry, st state) bool {
	if e.role == roleReleaser {
		return true
	}
	return s.releasingClosure(v, st, map[ssa.Value]bool{})
}

// releasingClosure: v is a closure that releases what it captures, or a
// φ of such closures (`cleanup := func() {...}; if locked { cleanup =
// func() {...} }`).
func (s *search) releasingClosure(v ssa.Value, st state, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.MakeClosure:
		return s.closureEffect(v, st) == Release
	case *ssa.Phi:
		for _, in := range v.Edges {
			if !s.releasingClosure(in, st, seen) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

// capturesOwnership reports whether a closure takes the resource over:
// one that only uses what it captures (calls its other methods), whether
// it is then returned, stored or run as a goroutine, borrows it, and the
// obligation stays here. Releasing, storing or handing it on keeps it.
func (s *search) capturesOwnership(mc *ssa.MakeClosure, st state) bool {
	captured := false
	for _, b := range mc.Bindings {
		if e, ok := st.lookup(b); ok && !e.role.isErr() && e.role != roleErrCell {
			captured = true
		}
	}
	return captured && s.closureEffect(mc, st) != Borrow
}

// closureEffect combines what a closure's body does with the tracked
// values it captures: Release if it releases one, Keep if it keeps one (or
// its body is not known), Borrow otherwise.
func (s *search) closureEffect(mc *ssa.MakeClosure, st state) Effect {
	fn, _ := mc.Fn.(*ssa.Function)
	if fn != nil && isBoundThunk(fn) {
		// A method value (db.Close): what the method does with its receiver.
		if m := ssax.FuncObject(fn); m != nil && len(mc.Bindings) == 1 {
			if e, ok := st.lookup(mc.Bindings[0]); ok && !e.role.isErr() {
				if s.env.isReleaseMethod(m, mc.Bindings[0].Type()) || s.fam != nil && s.fam.IsRelease(m.Name(), false) || s.env.releasesReceiver(m) {
					return Release
				}
			}
		}
	}
	info := s.env.local[fn]
	eff := Borrow
	for i, b := range mc.Bindings {
		e, ok := st.lookup(b)
		if !ok || e.role == roleErr || e.role == roleErrCell {
			continue
		}
		if info == nil {
			return Keep
		}
		p, _ := paramAt(info.freeVars, i)
		switch {
		case p.Effect == Release:
			eff = Release
		case p.Effect == Keep || p.ReturnedAs|p.ReturnedIn != 0:
			if eff != Release {
				eff = Keep
			}
		}
	}
	return eff
}

// handsReleaser reports a call that receives a function releasing the
// resource (t.Cleanup(func() { tx.Rollback() })): whoever keeps it will
// release the resource.
func (s *search) handsReleaser(common *ssa.CallCommon, st state) bool {
	for _, a := range common.Args {
		if s.holdsReleaser(a, st) {
			return true
		}
	}
	return false
}

// holdsReleaser reports a function releasing the resource, or a list of
// functions built with append that holds one (cleanups = append(cleanups,
// func() { tx.Rollback() }), the list kept where a test's cleanup runs it).
func (s *search) holdsReleaser(v ssa.Value, st state) bool {
	if e, ok := st.lookup(v); !ok || e.role.isErr() {
		return false
	} else if s.isReleaser(v, e, st) {
		return true
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" || len(call.Call.Args) != 2 {
		return false
	}
	// The appended elements: a slice of the array of variadic arguments.
	sl, ok := call.Call.Args[1].(*ssa.Slice)
	if !ok {
		return false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, w := range *ia.Referrers() {
			if store, ok := w.(*ssa.Store); ok && store.Addr == ia && s.releasingClosure(store.Val, st, map[ssa.Value]bool{}) {
				return true
			}
		}
	}
	return false
}

// arrange: a function releasing the resource was handed on (to t.Cleanup,
// or stored where it outlives the function): its release is arranged, and
// the path goes on, to see whether the resource is returned too.
func (s *search) arrange(st state) (state, bool) {
	s.out.handed, s.out.arranged = true, true
	return s.releasedAtExitFrom(st), false
}

// parentArranged reports a resource tied to a parent whose release the
// function that returned it arranged (a test helper that registered the
// transaction's Rollback with t.Cleanup): the parent's end releases it.
func (env *Env) parentArranged(t *tied) bool {
	if t == nil {
		return false
	}
	for _, p := range t.parents {
		if call, idx, wrapped := producer(p.v); !wrapped && env.arrangedResult(call, idx) {
			return true
		}
	}
	return false
}

// arrangedResult reports whether the callee of call arranged the release
// of its result idx.
func (env *Env) arrangedResult(call *ssa.Call, idx int) bool {
	if call == nil {
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil {
		return false
	}
	if info := env.local[ssax.Origin(fn)]; info != nil {
		return info.arranged&(1<<idx) != 0
	}
	obj := ssax.FuncObject(fn)
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	return env.imported(obj.Pkg())[ssax.FuncKey(obj)].Arranged&(1<<idx) != 0
}

// releasedAtExitFrom marks every value that holds the resource as released
// at exit, like a deferred release.
func (s *search) releasedAtExitFrom(st state) state {
	for _, e := range st {
		if !e.role.isErr() && !e.deferRelease {
			e.deferRelease = true
			st = s.set(st, e)
		}
	}
	return st
}
