package ownership

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// The owning-field rule. A struct that acquires a resource into one of its
// fields (`s.conn, err = db.Conn(ctx)`, or `&Session{conn: c}` around what
// the constructor acquired) owns it, and its release methods must release
// it: a Close that releases conn but not aux leaks aux whenever the struct
// is closed. Fields assigned from a parameter (borrowed from the caller)
// are not owning: only fields that receive a fresh acquisition are.
//
// A release method is a method of the struct shaped like one (no argument
// but maybe a context) that releases its receiver on every path, or is
// named like a release (Close, Release, ...). Each is checked against each
// owning field with a search that follows the field's value from the
// method's entry. A struct whose owning field no function of the package
// ever releases is reported at the acquisition.

// An OwningField is a field that receives a resource its struct acquired.
type OwningField struct {
	Struct *types.TypeName
	Field  *types.Var
	Family resource.Family
	Stored token.Pos // the first store of an acquisition into it
}

// A FieldLeak is an owning field that a release method of its struct does
// not release on every path (Method set), or that nothing in the package
// releases (Method nil).
type FieldLeak struct {
	OwningField
	Method *types.Func
	Exit   token.Pos // the first exit of Method that leaves the field held
	// Released names the owning fields that Method does release.
	Released []string
}

// noteOwningStore notes a store of the acquired resource into a field of a
// struct of this package. It becomes an owning field (commitOwning) only
// if no path of the search leaks the resource: a struct built and dropped
// is already reported as the acquisition's leak.
func (s *search) noteOwningStore(in *ssa.Store, e entry) {
	if s.isParam || e.role != roleSelf {
		return
	}
	fa, ok := in.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	named := ssax.NamedOf(fa.X.Type())
	f := ssax.Field(fa.X.Type(), fa.Field)
	if named == nil || f == nil || named.Obj().Pkg() != s.env.pass.Pkg || f.Embedded() {
		return
	}
	// The origin field: one per generic type, whatever its instance.
	s.owningStores = append(s.owningStores, OwningField{Struct: named.Obj(), Field: f.Origin(), Family: *s.fam, Stored: in.Pos()})
}

// commitOwning records the owning fields an acquisition's search found,
// the first store of each. A struct does not own what the acquiring
// function itself arranged to release (t.Cleanup(func() { ln.Close() })):
// it only borrows it.
func (s *search) commitOwning() {
	if len(s.out.leaks) > 0 || s.out.arranged || len(s.owningStores) > 0 && s.cleanupRegistered() {
		return
	}
	if s.out.returnedAs != 0 || s.returnedToo() {
		// Returned to the caller, who owns it from then on: a field that
		// keeps the same value (a test hook's copy) is an alias.
		return
	}
	for _, of := range s.owningStores {
		key := [2]types.Object{of.Struct, of.Field}
		if _, seen := s.env.owning[key]; !seen {
			s.env.owning[key] = &of
		}
	}
}

// returnedToo reports whether the acquired resource is itself returned by
// the function, on some path the search may not have followed past the
// store into a field.
func (s *search) returnedToo() bool {
	acq, ok := s.start.(*ssa.Call)
	if !ok {
		return false
	}
	for _, v := range resultValues(acq) {
		if ssax.IsErrorType(v.Type()) {
			continue
		}
		for _, ref := range *v.Referrers() {
			if _, ok := ref.(*ssa.Return); ok {
				return true
			}
		}
	}
	return false
}

// resultValues returns the values of a call's results: the call itself,
// or the components extracted from its tuple.
func resultValues(call *ssa.Call) []ssa.Value {
	if !isTuple(call) {
		return []ssa.Value{call}
	}
	var vals []ssa.Value
	for _, ref := range *call.Referrers() {
		if ext, ok := ref.(*ssa.Extract); ok {
			vals = append(vals, ext)
		}
	}
	return vals
}

// cleanupRegistered reports a closure of the function that captures the
// acquired resource, releases it, and is handed to a call (t.Cleanup): its
// release is arranged even where the search stopped before that call (at a
// goroutine that takes the struct holding it).
func (s *search) cleanupRegistered() bool {
	acq, ok := s.start.(*ssa.Call)
	if !ok {
		return false
	}
	vals := resultValues(acq)
	for _, v := range vals {
		// A variable that closures capture lives in a cell, which they bind.
		for _, ref := range *v.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Val == v {
				if cell, ok := st.Addr.(*ssa.Alloc); ok && cell.Parent() == s.fn {
					vals = append(vals, cell)
				}
			}
		}
	}
	for _, v := range vals {
		for _, ref := range *v.Referrers() {
			mc, ok := ref.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			info := s.env.local[mc.Fn.(*ssa.Function)]
			if info == nil {
				continue
			}
			for i, b := range mc.Bindings {
				if p, _ := paramAt(info.freeVars, i); b != v || p.Effect != Release {
					continue
				}
				for _, use := range *mc.Referrers() {
					if call, ok := use.(*ssa.Call); ok && call.Call.Value != mc {
						return true
					}
				}
			}
		}
	}
	return false
}

// fieldLeaks checks every owning field against its struct's release
// methods, once every function has its summary.
func (env *Env) fieldLeaks() []FieldLeak {
	byStruct := map[*types.TypeName][]*OwningField{}
	for _, of := range env.owning {
		byStruct[of.Struct] = append(byStruct[of.Struct], of)
	}
	var out []FieldLeak
	for tn, fields := range byStruct {
		slices.SortFunc(fields, func(a, b *OwningField) int { return cmp.Compare(a.Field.Pos(), b.Field.Pos()) })
		methods := env.releaseMethodsOf(tn)
		if len(methods) == 0 {
			for _, of := range fields {
				// An exported field may be released by the importers
				// that read it (res.Rows.Close()).
				if !of.Field.Exported() && !env.releasedAnywhere(of) {
					out = append(out, FieldLeak{OwningField: *of})
				}
			}
			continue
		}
		var byMethod [][]FieldLeak
		var releasing []bool // some path of the method releases some field
		for _, m := range methods {
			var leaks []FieldLeak
			var released []string
			touches := false
			for _, of := range fields {
				exit, held, some := env.fieldHeldAtExit(m, of)
				touches = touches || some || !held
				if held {
					leaks = append(leaks, FieldLeak{OwningField: *of, Method: ssax.FuncObject(m), Exit: exit})
				} else {
					released = append(released, of.Field.Name())
				}
			}
			for i := range leaks {
				leaks[i].Released = released
			}
			byMethod = append(byMethod, leaks)
			releasing = append(releasing, touches)
		}
		for i, leaks := range byMethod {
			if !releasing[i] && callsOnField(methods[i], fields) && (slices.Contains(releasing, true) || releasedElsewhere(env, fields)) {
				// Named like a release, working on the field but
				// releasing nothing, while another method is the release
				// (Vitess's StatefulConnection.Close closes the MySQL
				// conn; Release(reason) gives the pooled slot back): not
				// a release method. One that never looks at the field
				// (Mysqld.Close and its lockConn) forgot it.
				continue
			}
			out = append(out, leaks...)
		}
	}
	slices.SortStableFunc(out, func(a, b FieldLeak) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return out
}

// Pos is where a field leak is reported: the release method, or the store.
func (l FieldLeak) Pos() token.Pos {
	if l.Method != nil {
		return l.Method.Pos()
	}
	return l.Stored
}

// releaseMethodsOf returns the methods of a struct of this package that
// release it.
func (env *Env) releaseMethodsOf(tn *types.TypeName) []*ssa.Function {
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return nil
	}
	var out []*ssa.Function
	for i := range named.NumMethods() {
		m := named.Method(i)
		fn := env.ssaFuncs[m]
		if fn == nil || !releaseShaped(m) {
			continue
		}
		if resource.IsReleaseName(m.Name()) || env.releasesReceiver(m) {
			out = append(out, fn)
		}
	}
	slices.SortFunc(out, func(a, b *ssa.Function) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return out
}

// callsOnField reports whether m calls a method on a value it read from
// one of the owning fields.
func callsOnField(m *ssa.Function, fields []*OwningField) bool {
	for _, b := range m.Blocks {
		for _, instr := range b.Instrs {
			for _, of := range fields {
				v := fieldRead(instr, of.Field)
				if v == nil {
					continue
				}
				for _, ref := range *v.Referrers() {
					if call, ok := ref.(ssa.CallInstruction); ok && ssax.Receiver(call.Common()) == v {
						return true
					}
				}
			}
		}
	}
	return false
}

// releasedElsewhere reports whether some function of the package releases
// one of the owning fields through a load of it.
func releasedElsewhere(env *Env, fields []*OwningField) bool {
	return slices.ContainsFunc(fields, env.releasedAnywhere)
}

// fieldHeldAtExit follows the owning field from the entry of method m: it
// reports the first exit reached with the field's resource neither released
// nor handed on, and whether some path released it.
func (env *Env) fieldHeldAtExit(m *ssa.Function, of *OwningField) (exit token.Pos, held, released bool) {
	if len(m.Params) == 0 || m.Blocks == nil {
		return token.NoPos, false, false
	}
	s := newSearch(env, m)
	s.isParam = true
	s.fam = &of.Family
	s.selfType = of.Field.Type()
	s.run(m.Blocks[0], 0, entry{v: m.Params[0], role: roleOwner, field: of.Field.Name()})
	if s.out.truncated || s.out.handed || s.out.returnedAs|s.out.returnedIn != 0 {
		// A method that hands the field on (Hijack) leaves it to whoever
		// gets it, and to the caller on the paths where it fails.
		return token.NoPos, false, s.out.released
	}
	var leaks []leak
	for _, l := range s.out.leaks {
		if l.ret == nil || !behindOwnGuard(m, l.ret) {
			leaks = append(leaks, l)
		}
	}
	if len(leaks) == 0 {
		return token.NoPos, false, s.out.released
	}
	first := slices.MinFunc(leaks, func(a, b leak) int { return cmp.Compare(a.pos, b.pos) })
	return first.pos, true, s.out.released
}

// callsOwnersFunc reports a call of a func value kept in a field of the
// owning struct the search follows (t.cleanup(), set by a constructor to a
// closure that may close t.conn once a refcount drops): what it does with
// the struct is not known here, so the method hands the field on to it.
func (s *search) callsOwnersFunc(common *ssa.CallCommon, st state) bool {
	load, ok := common.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	e, ok := st.lookup(fa.X)
	return ok && e.role == roleOwner
}

// releasedAnywhere reports whether some function of the package releases
// or hands on a value loaded from the field (a closeSession(s) helper, a
// method of another type), or returns it from a struct value (not from a
// getter that reads it through a pointer: the struct still holds it).
func (env *Env) releasedAnywhere(of *OwningField) bool {
	for _, fn := range env.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				v := fieldRead(instr, of.Field)
				if v == nil {
					continue
				}
				// Followed from the read: test.resp.Body.Close(), a
				// release behind a check of another field, an envelope
				// received from a channel (ce.conn.Close()).
				s := newSearch(env, fn)
				s.isParam = true
				s.fam = &of.Family
				s.selfType = v.Type()
				s.run(b, indexOf(b, instr)+1, entry{v: v, role: roleSelf})
				if s.out.released || s.out.handed {
					return true
				}
				if readFromCopy(v) && s.out.returnedAs|s.out.returnedIn != 0 {
					// Returned from a copy of the struct (an envelope
					// received from a channel): the caller has it now.
					return true
				}
			}
		}
	}
	return false
}

// readFromCopy reports a field read from a struct value of the function
// (res.conn, res a struct value or a local variable of struct type), not
// through a pointer that others may share.
func readFromCopy(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Field:
		return true
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		local, ok := fa.X.(*ssa.Alloc)
		return ok && !local.Heap && local.Parent() == v.Parent()
	}
	return false
}

// fieldRead returns the value instr reads from field f (x.f through a
// pointer, or of a struct value), or nil.
func fieldRead(instr ssa.Instruction, f *types.Var) ssa.Value {
	switch in := instr.(type) {
	case *ssa.UnOp:
		if fa, ok := in.X.(*ssa.FieldAddr); ok && in.Op == token.MUL {
			if g := ssax.Field(fa.X.Type(), fa.Field); g != nil && g.Origin() == f {
				return in
			}
		}
	case *ssa.Field:
		if g := ssax.Field(in.X.Type(), in.Field); g != nil && g.Origin() == f {
			return in
		}
	}
	return nil
}

// behindOwnGuard reports an exit reached only through a test of a field of
// the receiver against the value the method itself stores there: the
// early return of an idempotent Close (`if c.closed { return nil };
// c.closed = true; return c.conn.Close()`), taken when an earlier call
// already released the field.
func behindOwnGuard(m *ssa.Function, ret *ssa.Return) bool {
	return behindGuard(m, ret, 2)
}

// behindGuard is behindOwnGuard, following guards into helpers of the same
// receiver up to depth calls deep: the early return on the error of a
// helper (`if err := c.beginClose(); err != nil { return err }`) each of
// whose failing returns is behind its own guard (closeInit tested, then
// set) is a second release finding the work done too.
func behindGuard(m *ssa.Function, ret *ssa.Return, depth int) bool {
	if len(m.Params) == 0 {
		return false
	}
	recv := m.Params[0]
	stored := map[string]map[string]bool{} // field -> constant values stored
	for _, b := range m.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			c, isConst := st.Val.(*ssa.Const)
			if !ok || fa.X != recv || !isConst || c.Value == nil {
				continue
			}
			name := ssax.Field(fa.X.Type(), fa.Field).Name()
			if stored[name] == nil {
				stored[name] = map[string]bool{}
			}
			stored[name][c.Value.ExactString()] = true
		}
	}
	for b := ret.Block(); b != nil; b = b.Idom() {
		idom := b.Idom()
		if idom == nil {
			return false
		}
		ifInstr, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		holds := b == idom.Succs[0] || idom.Succs[0].Dominates(b)
		if name, val, ok := fieldTest(ifInstr.Cond, recv, holds); ok && stored[name][val] {
			return true
		}
		if depth > 0 {
			if h := guardHelperFailed(ifInstr.Cond, recv, holds); h != nil && failsOnlyBehindGuard(h, depth-1) {
				return true
			}
		}
	}
	return false
}

// guardHelperFailed returns the method h when cond, on the branch taken
// (holds), says that the error of recv.h() is not nil.
func guardHelperFailed(cond ssa.Value, recv ssa.Value, holds bool) *ssa.Function {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || !ssax.IsNil(bin.Y) || !(bin.Op == token.NEQ && holds || bin.Op == token.EQL && !holds) {
		return nil
	}
	v := bin.X
	if ext, ok := v.(*ssa.Extract); ok {
		v = ext.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) == 0 || call.Call.Args[0] != recv {
		return nil
	}
	h := call.Call.StaticCallee()
	if h == nil || h.Signature.Recv() == nil || h.Blocks == nil {
		return nil
	}
	return h
}

// failsOnlyBehindGuard reports whether every return of h with an error
// that is not a constant nil is behind a guard of h's own.
func failsOnlyBehindGuard(h *ssa.Function, depth int) bool {
	errIdx := errorIndex(h.Signature)
	if errIdx < 0 {
		return false
	}
	failing := 0
	for _, b := range h.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || errIdx >= len(ret.Results) || ssax.IsNil(ret.Results[errIdx]) {
			continue
		}
		if !behindGuard(h, ret, depth) {
			return false
		}
		failing++
	}
	return failing > 0
}

// fieldTest matches the condition of an if, on the branch taken (holds):
// `recv.f` (true), `!recv.f`... reduced to `recv.f == K` for the value K
// the branch implies, when the comparison is an equality the branch
// confirms.
func fieldTest(cond ssa.Value, recv ssa.Value, holds bool) (field, value string, ok bool) {
	load := func(v ssa.Value) (string, bool) {
		un, ok := v.(*ssa.UnOp)
		if !ok || un.Op != token.MUL {
			return "", false
		}
		fa, ok := un.X.(*ssa.FieldAddr)
		if !ok || fa.X != recv {
			return "", false
		}
		return ssax.Field(fa.X.Type(), fa.Field).Name(), true
	}
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		return fieldTest(not.X, recv, !holds) // initiated := !c.closeInit; if !initiated
	}
	if name, ok := load(cond); ok {
		if holds {
			return name, "true", true
		}
		return name, "false", true
	}
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return "", "", false
	}
	name, ok := load(bin.X)
	c, isConst := bin.Y.(*ssa.Const)
	if !ok || !isConst || c.Value == nil {
		return "", "", false
	}
	if bin.Op == token.EQL && holds || bin.Op == token.NEQ && !holds {
		return name, c.Value.ExactString(), true
	}
	return "", "", false
}
