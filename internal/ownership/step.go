package ownership

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// step interprets one instruction: it returns the state after it, and stop
// when the path ends here (released, handed on, returned, cannot return).
func (s *search) step(instr ssa.Instruction, st state) (state, bool) {
	if s.ties.cancelEscapes(instr) {
		return s.handOn(st) // whoever gets the cancel function may release it
	}
	switch in := instr.(type) {
	case *ssa.Return:
		s.exit(in, st)
		return st, true
	case *ssa.Panic:
		return st, true
	case *ssa.Call:
		if neverReturns(&in.Call) {
			return st, true
		}
		if s.ties.releasedBy(&in.Call) {
			s.out.released = true
			return st, true
		}
		if s.assertsNotAcquired(&in.Call, st) || s.helperAssertsError(&in.Call, st) {
			return st, true // nothing was acquired on the paths that go on
		}
		if panicsOnNilError(&in.Call, st) {
			return st, true // err.Error() where the acquisition succeeded
		}
		if s.assertsReleased(&in.Call, st) {
			s.out.released = true
			return st, true
		}
		if s.tracksAny(in.Call.Operands(nil), st) {
			return s.call(in, in, &in.Call, st, callPlain)
		}
		if s.callsOwnersFunc(&in.Call, st) {
			return s.handOn(st)
		}
	case *ssa.Defer:
		if s.ties.releasedBy(&in.Call) {
			s.out.released = true // at every exit from here
			return st, true
		}
		if s.tracksAny(in.Call.Operands(nil), st) {
			return s.call(in, nil, &in.Call, st, callDefer)
		}
		if s.callsOwnersFunc(&in.Call, st) {
			return s.handOn(st)
		}
		return st, false
	case *ssa.Go:
		if s.tracksAny(in.Call.Operands(nil), st) {
			return s.call(in, nil, &in.Call, st, callGo)
		}
		return st, false
	case *ssa.Store:
		return s.store(in, st)
	case *ssa.MapUpdate:
		if !s.isParam && s.holdsReleaser(in.Value, st) {
			return s.arrange(st)
		}
		if s.tracksAny([]*ssa.Value{&in.Key, &in.Value}, st) {
			return s.handOn(st)
		}
		return st, false
	case *ssa.Send:
		if _, ok := st.lookup(in.X); ok {
			return s.handOn(st)
		}
		return st, false
	case *ssa.Select:
		var sends uint32
		for i, c := range in.States {
			if c.Send != nil {
				if e, ok := st.lookup(c.Send); ok && !e.role.isErr() {
					sends |= 1 << i
				}
			}
		}
		if sends != 0 {
			return s.set(st, entry{v: in, role: roleSelect, selfMask: sends}), false
		}
	}
	if v, ok := instr.(ssa.Value); ok {
		return s.define(v, st), false
	}
	return st, false
}

// assertsNotAcquired reports a test assertion that the resource is nil or
// that its acquisition failed: the paths that go on hold nothing.
func (s *search) assertsNotAcquired(common *ssa.CallCommon, st state) bool {
	a, arg := s.assertion(common, st)
	return a == resource.AssertsNil && arg.role == roleSelf || a == resource.AssertsError && arg.role == roleErr
}

// assertsReleased matches require.False(t, rows.Next()): the paths that go
// on saw the rows exhausted, and so closed.
func (s *search) assertsReleased(common *ssa.CallCommon, st state) bool {
	fn := ssax.Callee(common)
	if fn == nil || len(common.Args) < 2 || resource.AssertionOf(ssax.FuncKey(fn)) != resource.AssertsFalse {
		return false
	}
	next, ok := common.Args[1].(*ssa.Call)
	return ok && s.releasedWhenFalse(next, st)
}

// assertion returns what a test assertion asserts about a tracked argument.
func (s *search) assertion(common *ssa.CallCommon, st state) (resource.Assertion, entry) {
	fn := ssax.Callee(common)
	if fn == nil || len(common.Args) < 2 {
		return 0, entry{}
	}
	a := resource.AssertionOf(ssax.FuncKey(fn))
	if a == 0 {
		return 0, entry{}
	}
	arg := common.Args[1]
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X // assert.Nil takes an interface{}
	}
	e, ok := st.lookup(arg)
	if !ok {
		return 0, entry{}
	}
	return a, e
}

func (s *search) handOn(st state) (state, bool) {
	s.out.handed = true
	return st, true
}

// exit records a return: the resource leaves in a result, or leaks here.
func (s *search) exit(ret *ssa.Return, st state) {
	returned := false
	for i, r := range ret.Results {
		e, ok := st.lookup(r)
		if !ok || e.role.isErr() {
			continue
		}
		returned = true
		if s.isReleaser(r, e, st) {
			s.out.returnedReleaser |= 1 << i
		}
		switch {
		case e.role == roleSelf:
			s.out.returnedAs |= 1 << i
		case e.role == rolePart && s.fam != nil && s.fam.ReleaseField != "" && e.field == s.fam.ReleaseField:
			s.out.returnedPart |= 1 << i
			s.out.returnedIn |= 1 << i
		default:
			s.out.returnedIn |= 1 << i
		}
	}
	switch {
	case returned:
	case st.deferredRelease() || s.releasedAtExit:
		s.out.released = true
	default:
		s.out.leaks = append(s.out.leaks, leak{returnPos(s.fn, ret), leakReturn, ret})
	}
}

// returnPos is the position of a return, or of the function's closing
// brace for the implicit return at its end.
func returnPos(fn *ssa.Function, ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	if body := fnBody(fn); body != nil {
		return body.Rbrace
	}
	return fn.Pos()
}

// store: putting the resource into a local variable or a local aggregate
// makes that a container; putting it anywhere else hands it on. Storing the
// acquisition's error into a variable makes that variable say, when loaded,
// whether the resource was acquired.
func (s *search) store(in *ssa.Store, st state) (state, bool) {
	e, ok := st.lookup(in.Val)
	if ok && e.role == roleErr {
		switch cell := in.Addr.(type) {
		case *ssa.Alloc:
			if cell.Parent() == s.fn {
				return s.set(st, entry{v: cell, role: roleErrCell}), false
			}
		case *ssa.FreeVar:
			// A captured variable (`nc, acceptErr = ln.Accept()` in a
			// goroutine): its next load here still tells the failure.
			return s.set(st, entry{v: cell, role: roleErrCell}), false
		}
		return st, false
	}
	if !ok {
		return s.overwrite(in, st)
	}
	s.noteOwningStore(in, e)
	root, chain := addrRoot(in.Addr)
	switch root := root.(type) {
	case *ssa.Alloc, *ssa.MakeSlice:
		if root.Parent() == s.fn {
			st = s.set(st, entry{v: root, role: roleContainer})
			// Slices of a local array (make([]T, n) with constant n is an
			// array) hold it too.
			for _, v := range chain {
				if sl, ok := v.(*ssa.Slice); ok {
					st = s.set(st, entry{v: sl, role: roleContainer})
				}
			}
			if released, handed := s.capturedBefore(root, in); released || handed {
				s.out.released = s.out.released || released
				s.out.handed = s.out.handed || handed
				return st, true
			}
			if in.Addr != root && isCollection(root.Type()) && s.elementsReleased(root) {
				s.out.released = true
				return st, true
			}
			return st, false
		}
	}
	if !s.isParam && s.holdsReleaser(in.Val, st) {
		return s.arrange(st) // kept in a global, a map, a field
	}
	return s.handOn(st)
}

// overwrite: storing something else into a variable that held the resource
// (or its error) loses that reference.
func (s *search) overwrite(in *ssa.Store, st state) (state, bool) {
	cell, ok := st.lookup(in.Addr)
	if !ok {
		return st, false
	}
	if _, isAlloc := in.Addr.(*ssa.Alloc); !isAlloc {
		return st, false
	}
	switch cell.role {
	case roleErrCell:
		return s.unset(st, in.Addr), false
	case roleContainer:
		st = s.unset(st, in.Addr)
		if !st.holdsResource() && !s.isParam && !s.endsWithContext() {
			s.out.leaks = append(s.out.leaks, leak{pos: in.Pos(), kind: leakLost})
			return st, true
		}
	}
	return st, false
}

// addrRoot follows an address back to the variable it is derived from, and
// returns the values on the way.
func addrRoot(addr ssa.Value) (ssa.Value, []ssa.Value) {
	var chain []ssa.Value
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			chain, addr = append(chain, a), a.X
		case *ssa.IndexAddr:
			chain, addr = append(chain, a), a.X
		case *ssa.Slice:
			chain, addr = append(chain, a), a.X
		default:
			return addr, chain
		}
	}
}

// define computes whether the value an instruction defines refers to the
// resource. Values recomputed in a loop lose a role they no longer have.
func (s *search) define(v ssa.Value, st state) state {
	e, ok := s.derive(v, st)
	if ok {
		e.v = v
		return s.set(st, e)
	}
	return s.unset(st, v)
}

// derive returns the role of v given the roles of its operands.
func (s *search) derive(v ssa.Value, st state) (entry, bool) {
	if x, ok := ssax.Converted(v); ok {
		return st.lookup(x)
	}
	switch d := v.(type) {
	case *ssa.TypeAssert:
		e, ok := st.lookup(d.X)
		if !ok || e.role == roleErr {
			return entry{}, false
		}
		if e.role == roleSelf && !types.IsInterface(d.AssertedType) && !slices.ContainsFunc(s.assertedTypes, func(t types.Type) bool { return types.Identical(t, d.AssertedType) }) {
			// impl := c.(*conn): a value of that type read back from a
			// variable is the resource too.
			s.assertedTypes = append(s.assertedTypes, d.AssertedType)
		}
		if d.CommaOk {
			return entry{role: roleTuple, selfMask: maskIf(e.role == roleSelf, 0), contMask: maskIf(e.role != roleSelf, 0), errIdx: -1}, true
		}
		return e, true
	case *ssa.Extract:
		e, ok := st.lookup(d.Tuple)
		if !ok || e.role != roleTuple {
			return entry{}, false
		}
		switch {
		case e.selfMask&(1<<d.Index) != 0:
			return entry{role: roleSelf}, true
		case e.relMask&(1<<d.Index) != 0:
			return entry{role: roleReleaser}, true
		case e.okMask&(1<<d.Index) != 0:
			return entry{role: roleOkErr}, true
		case e.contMask&(1<<d.Index) != 0:
			return s.loaded(d.Type())
		case int(e.errIdx) == d.Index:
			return entry{role: roleErr}, true
		}
	case *ssa.FieldAddr:
		if e, ok := st.lookup(d.X); ok && e.role == roleOwner {
			return ownedField(e, ssax.Field(d.X.Type(), d.Field), roleContainer)
		}
		return s.part(d.X, ssax.Field(d.X.Type(), d.Field), st)
	case *ssa.Field:
		if e, ok := st.lookup(d.X); ok && e.role == roleOwner {
			return ownedField(e, ssax.Field(d.X.Type(), d.Field), roleSelf)
		}
		return s.part(d.X, ssax.Field(d.X.Type(), d.Field), st)
	case *ssa.IndexAddr:
		return s.element(d.X, st)
	case *ssa.Index:
		return s.element(d.X, st)
	case *ssa.Lookup:
		return s.element(d.X, st)
	case *ssa.UnOp:
		if d.Op == token.MUL {
			e, ok := st.lookup(d.X)
			if !ok {
				return entry{}, false
			}
			switch e.role {
			case roleSelf:
				// &w.Rows of a struct embedding *sql.Rows: loading the
				// embedded pointer gives the resource itself.
				if fa, ok := d.X.(*ssa.FieldAddr); ok {
					if f := ssax.Field(fa.X.Type(), fa.Field); f != nil && f.Embedded() {
						return e, true
					}
				}
			case rolePart:
				if ssax.MayHoldPointers(d.Type()) {
					return e, true
				}
			case roleContainer:
				return s.loaded(d.Type())
			case roleErrCell:
				return entry{role: roleErr}, true
			}
		}
	case *ssa.MakeClosure:
		if s.capturesOwnership(d, st) {
			return entry{role: roleContainer}, true
		}
	}
	return entry{}, false
}

// part: addressing a field of the resource gives a part of it (an embedded
// field is the resource itself: promoted methods act on it); a field of a
// container may hold it.
func (s *search) part(x ssa.Value, f *types.Var, st state) (entry, bool) {
	e, ok := st.lookup(x)
	if !ok || f == nil {
		return entry{}, false
	}
	if !ssax.MayHoldPointers(f.Type()) || !s.env.mayCarry(f.Type()) {
		// An int field, a []string, cannot carry or release it: plain
		// data, which returning or storing hands nothing on.
		return entry{}, false
	}
	switch e.role {
	case roleSelf:
		if f.Embedded() {
			return entry{role: roleSelf}, true
		}
		if s.fam != nil && s.fam.ReleaseField != "" && f.Name() != s.fam.ReleaseField {
			// resp.Header, resp.StatusCode: plain data, which does not
			// carry the body; returning or storing it hands nothing on.
			return entry{}, false
		}
		return entry{role: rolePart, field: f.Name()}, true
	case rolePart, roleContainer:
		return e, true
	}
	return entry{}, false
}

// element: an element of a collection that holds the resource (or that is
// the parameter being summarised) may hold it.
func (s *search) element(x ssa.Value, st state) (entry, bool) {
	e, ok := st.lookup(x)
	if !ok || e.role != roleContainer && e.role != roleSelf {
		return entry{}, false
	}
	return entry{role: roleContainer}, true
}

// loaded gives the role of a value read out of a container: the resource
// itself when the type fits, otherwise something that may still hold it.
func (s *search) loaded(t types.Type) (entry, bool) {
	switch {
	case s.selfType != nil && types.Identical(t, s.selfType):
		return entry{role: roleSelf}, true
	case slices.ContainsFunc(s.assertedTypes, func(a types.Type) bool { return types.Identical(t, a) }):
		return entry{role: roleSelf}, true
	case types.IsInterface(t) && s.selfType != nil && types.AssignableTo(s.selfType, t):
		return entry{role: roleSelf}, true
	case ssax.MayHoldPointers(t):
		return entry{role: roleContainer}, true
	}
	return entry{}, false
}

func (s *search) tracksAny(ops []*ssa.Value, st state) bool {
	for _, op := range ops {
		if op == nil || *op == nil {
			continue
		}
		if e, ok := st.lookup(*op); ok && !e.role.isErr() {
			return true
		}
	}
	return false
}

// ownedField: the owning field of a roleOwner struct holds the resource
// (its address is a cell holding it); its other fields do not.
func ownedField(e entry, f *types.Var, r role) (entry, bool) {
	if f == nil || f.Name() != e.field {
		return entry{}, false
	}
	return entry{role: r}, true
}

func maskIf(cond bool, i int) uint32 {
	if cond {
		return 1 << i
	}
	return 0
}

// neverReturns reports calls through an interface that cannot return
// (t.Fatal on a testing.TB); static no-return calls already end their block
// in SSA, thanks to ctrlflow.
func neverReturns(common *ssa.CallCommon) bool {
	m := ssax.InvokedMethod(common)
	return m != nil && resource.NeverReturns(ssax.FuncKey(m))
}

// embeddedOwner returns x when v loads an embedded pointer or interface
// field of x, *(&x.f): how SSA calls a method promoted through it. It
// returns nil otherwise.
func embeddedOwner(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	switch load.Type().Underlying().(type) {
	case *types.Pointer, *types.Interface:
	default:
		return nil
	}
	if f := ssax.Field(fa.X.Type(), fa.Field); f != nil && f.Embedded() {
		return fa.X
	}
	return nil
}
