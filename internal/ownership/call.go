package ownership

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

type callKind uint8

const (
	callPlain callKind = iota
	callDefer          // runs at every exit after this point
	callGo             // runs on another goroutine, which then owns what it keeps
)

// call interprets a call that receives the resource (as receiver, argument
// or captured variable).
func (s *search) call(instr ssa.CallInstruction, res *ssa.Call, common *ssa.CallCommon, st state, kind callKind) (state, bool) {
	eff, as, in, cond := s.callEffect(common, st)
	if eff == Release && kind != callGo {
		if !s.isParam {
			s.out.releases = append(s.out.releases, releaseAt{instr, st, kind == callDefer})
		}
		s.out.releasePoints = append(s.out.releasePoints, instr)
	}
	if eff == Keep && cond != CondNone && res != nil {
		// The callee released it if its error says so: keep following
		// it on the other branch.
		return s.set(st, conditionEntry(res, common.Signature(), cond)), false
	}
	if eff == Release && kind == callDefer {
		if cells := s.boundCells(common, st); cells != nil {
			// The deferred closure releases whatever its variables hold
			// when it runs: the path is released if they still hold the
			// resource at the exit.
			for _, c := range cells {
				c.deferRelease = true
				st = s.set(st, c)
			}
			return st, false
		}
	}
	switch {
	case eff == Release && kind != callGo:
		s.out.released = true
		return st, true
	case eff != Borrow:
		// Kept by the callee, or owned by the goroutine that releases it.
		if kind == callPlain && !s.isParam && s.handsReleaser(common, st) {
			return s.arrange(st) // t.Cleanup(func() { tx.Rollback() })
		}
		s.out.handed = true
		return st, true
	}
	if res == nil {
		return st, false
	}
	if i := s.releasedOnError(common, st); i >= 0 {
		// rows.Scan failed: the rows closed themselves, so a non-nil error
		// from it ends the obligation like the acquisition's own error.
		if i == 0 && !isTuple(res) {
			return s.set(st, entry{v: res, role: roleErr}), false
		}
		return s.set(st, entry{v: res, role: roleTuple, errIdx: int8(i)}), false
	}
	if as|in == 0 {
		return s.unset(st, res), false
	}
	// The callee gives the resource back in its results.
	if _, ok := res.Type().(*types.Tuple); ok {
		return s.set(st, entry{v: res, role: roleTuple, selfMask: as, contMask: in &^ as, errIdx: -1}), false
	}
	if as&1 != 0 {
		return s.set(st, entry{v: res, role: roleSelf}), false
	}
	if b, ok := common.Value.(*ssa.Builtin); ok && b.Name() == "append" && s.elementsReleased(res) {
		s.out.released = true
		return st, true
	}
	return s.set(st, entry{v: res, role: roleContainer}), false
}

// releasedOnError returns the index of the error result of a method that
// releases the resource when it fails (pgx's rows.Scan), or -1.
func (s *search) releasedOnError(common *ssa.CallCommon, st state) int {
	if s.fam == nil || len(s.fam.ReleasedOnError) == 0 {
		return -1
	}
	recv := ssax.Receiver(common)
	m := ssax.Method(common)
	if recv == nil || m == nil || !slices.Contains(s.fam.ReleasedOnError, m.Name()) {
		return -1
	}
	if e, ok := st.lookup(recv); !ok || e.role != roleSelf {
		return -1
	}
	return errorIndex(m.Signature())
}

func isTuple(v ssa.Value) bool {
	_, ok := v.Type().(*types.Tuple)
	return ok
}

// boundCells returns the tracked variables a closure captures by reference,
// if every tracked value it receives is such a variable.
func (s *search) boundCells(common *ssa.CallCommon, st state) []entry {
	mc, ok := common.Value.(*ssa.MakeClosure)
	if !ok || s.tracksAny(common.Operands(nil)[1:], st) {
		return nil
	}
	var cells []entry
	for _, b := range mc.Bindings {
		e, ok := st.lookup(b)
		if !ok || e.role == roleErr || e.role == roleErrCell {
			continue
		}
		if _, isCell := b.(*ssa.Alloc); !isCell || e.role != roleContainer {
			return nil
		}
		cells = append(cells, e)
	}
	return cells
}

// callEffect decides what a call does with the resource, combining what it
// does with every operand that refers to it: releasing through any of them
// releases it; otherwise keeping through any keeps it.
func (s *search) callEffect(common *ssa.CallCommon, st state) (eff Effect, as, in uint32, cond Cond) {
	conds := 0
	merge := func(p Param, e entry) {
		switch {
		case p.Effect == Release:
			eff = Release
		case p.Effect == Keep && eff != Release:
			eff = Keep
			cond = p.Cond
			conds++
		}
		// What comes back is the resource itself only if what went in was.
		if e.role == roleSelf {
			as |= p.ReturnedAs
			in |= p.ReturnedIn
		} else {
			in |= p.ReturnedAs | p.ReturnedIn
		}
	}

	args := common.Args
	recv := ssax.Receiver(common)
	if recv != nil {
		if e, ok := st.lookup(recv); ok && !e.role.isErr() {
			if r, decided := s.receiverEffect(common, recv, e); decided {
				merge(r, e)
				if !common.IsInvoke() {
					args = args[1:]
				}
				recv = nil
			}
		}
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		for _, a := range args {
			if e, ok := st.lookup(a); ok && !e.role.isErr() {
				merge(builtinEffect(b), e)
			}
		}
		return eff, as, in, CondNone
	}

	params, freeVars, known := s.env.calleeSummary(common)
	summary := func(ps []Param, i int) Param {
		if known {
			p, _ := paramAt(ps, i)
			return p
		}
		return s.unknownCallee(common)
	}
	offset := len(common.Args) - len(args) // receiver already decided
	for i, a := range args {
		if e, ok := st.lookup(a); ok && !e.role.isErr() {
			p := summary(params, i+offset)
			if p.Effect == Release && i+offset == 0 && e.role == roleContainer && ssax.Receiver(common) == a &&
				s.env.inBorrowedField(a.Type(), s.selfType) {
				// Releasing a struct of the package releases what it
				// owns, not a resource that can only sit in a field it
				// borrows (the conn beside the batch it owns).
				p.Effect = Borrow
			}
			merge(p, e)
		}
	}
	if recv != nil && common.IsInvoke() {
		// An interface method called on something holding the resource.
		if e, ok := st.lookup(recv); ok && !e.role.isErr() {
			merge(summary(nil, -1), e)
		}
	}
	if mc, ok := common.Value.(*ssa.MakeClosure); ok {
		for i, b := range mc.Bindings {
			if e, ok := st.lookup(b); ok && !e.role.isErr() {
				merge(summary(freeVars, i), e)
			}
		}
	} else if e, ok := st.lookup(common.Value); ok && e.role == roleReleaser {
		merge(Param{Effect: Release}, e) // cleanup()
	} else if ok && !e.role.isErr() && !common.IsInvoke() {
		// Calling a func value that holds the resource: what it does is
		// unknown here.
		merge(summary(nil, -1), e)
	}
	if conds != 1 {
		cond = CondNone // kept through two operands: no one error tells
	}
	return eff, as, in, cond
}

// unknownCallee is what a call the engine cannot see into is assumed to do
// with a resource passed to it.
//
// At an acquisition, precision comes first: the callee may well take
// ownership (a callback, an interface implementation that stores it), so
// the resource counts as handed on, unless -strict. Inside a summary, an
// interface method taking the parameter as an argument (io.Copy handing its
// source to io.ReaderFrom.ReadFrom) is assumed to borrow it: otherwise every
// function that forwards a reader to an interface would "keep" it, and
// `io.Copy(w, resp.Body)` would hide the unclosed body behind it. A func
// value (a callback) is still assumed to take ownership.
func (s *search) unknownCallee(common *ssa.CallCommon) Param {
	switch {
	case s.env.strict && !s.isParam:
		return Param{}
	case s.isParam && common.IsInvoke():
		return Param{}
	}
	return Param{Effect: Keep}
}

// inBorrowedField reports whether a resource of type res held by a struct
// of type t (of this package) can only be in a field the struct borrows:
// t owns another resource (an owning field, which receives an acquisition
// of its own), and has fields res can be in, none of them owning.
func (env *Env) inBorrowedField(t, res types.Type) bool {
	named := ssax.NamedOf(t)
	if named == nil || res == nil || named.Obj().Pkg() != env.pass.Pkg {
		return false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	holders, owners := 0, 0
	for f := range st.Fields() {
		_, owned := env.owning[[2]types.Object{named.Obj(), f.Origin()}]
		if owned {
			owners++
		}
		if !types.AssignableTo(res, f.Type()) || types.IsInterface(f.Type()) && f.Type().Underlying().(*types.Interface).Empty() {
			continue
		}
		if owned {
			return false
		}
		holders++
	}
	// A struct that owns nothing may well be given ownership of what its
	// fields hold (a server handed a listener, closed by its teardown).
	return holders > 0 && owners > 0
}

// receiverEffect decides a method call on the resource (or on a part of it)
// from the method alone: release methods release, and the resource's own
// other methods borrow it — including Taint-like methods that detach it from
// its pool without releasing it. decided is false when the callee's summary
// must decide.
func (s *search) receiverEffect(common *ssa.CallCommon, recv ssa.Value, e entry) (Param, bool) {
	m := ssax.Method(common)
	if m == nil {
		return Param{}, false
	}
	release := Param{Effect: Release}
	switch {
	case s.fam != nil && e.role == roleSelf && s.fam.IsRelease(m.Name(), false):
		return release, true
	case s.fam != nil && e.role == rolePart && e.field == s.fam.ReleaseField && s.fam.IsRelease(m.Name(), true):
		return release, true
	case s.env.isReleaseMethod(m, recv.Type()) && !(e.role == roleContainer && s.env.inBorrowedField(recv.Type(), s.selfType)):
		return release, true
	}
	if e.role == roleContainer || e.role == roleOwner {
		return Param{}, false // what the callee does with the held value decides
	}
	if s.fam != nil {
		// Any other method of the resource, or of a part of it, uses it
		// (including Taint-like methods that detach it from its pool) —
		// except, inside the package that implements it, a method whose
		// body visibly hands its receiver on (pgxpool's getPoolRows storing
		// the conn in the rows that release it).
		// An inferred family has no such exception: its other methods
		// (a wrapper's Exec, a Query on the owned statement) only use it.
		if fn := ssax.Callee(common); fn != nil && !s.isParam {
			if params, _, known := s.env.calleeSummary(common); known {
				p, _ := paramAt(params, 0)
				switch {
				case p.Effect == Release && e.role == roleSelf:
					return p, true // closeBody(): releases it behind a nil guard
				case p.Effect == Keep && p.Cond != CondNone && e.role == roleSelf:
					return p, true // Quit(): releases it when it returns nil
				case p.Effect == Keep && fn.Pkg() == s.env.pass.Pkg && !s.fam.Inferred:
					return p, true
				}
			}
		}
		return Param{}, true
	}
	if resource.IsReleaseName(m.Name()) {
		// A parameter of no known family (an io.Closer, a field of the
		// user's own type) is released by a Close-like method, unless we
		// know that method's body does not release.
		if _, _, known := s.env.calleeSummary(common); !known {
			return release, true
		}
		return Param{}, false
	}
	// An interface method called on the value itself is one of its own.
	return Param{}, common.IsInvoke()
}

// builtinEffect: append returns a slice holding the resource; copy puts it
// somewhere we do not follow; the rest (len, cap, print, ...) only look.
func builtinEffect(b *ssa.Builtin) Param {
	switch b.Name() {
	case "append":
		return Param{ReturnedIn: 1}
	case "copy":
		return Param{Effect: Keep}
	}
	return Param{}
}

// fnBody returns the body of fn's syntax, if any.
func fnBody(fn *ssa.Function) *ast.BlockStmt {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	}
	return nil
}
