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

// Owning structs. A struct that holds a resource it owns is itself a
// resource: the function that returns it, built around what it acquired
// (`return &Session{conn: c}, nil`), acquires a *Session, and the struct's
// release methods are inferred from its code, never declared:
//
//   - a method declared on it whose summary releases its receiver on every
//     path (Close calling s.conn.Close());
//   - a release method of an embedded resource, promoted (sqlx.Rows embeds
//     *sql.Rows: rows.Close() is (*sql.Rows).Close). The embedded family's
//     other rules come along with its methods: Next returning false closes
//     an embedded *sql.Rows.
//
// An inferred family reports leaks only: a use after an inferred release may
// be legal (a wrapper's own bookkeeping after Close), so typestate leaves
// these families alone.

// ownerFamily returns the inferred family of struct type t (or *t), or nil
// when no method of it releases what it holds.
func (env *Env) ownerFamily(t types.Type) *resource.Family {
	named := ssax.NamedOf(t)
	if named == nil || types.IsInterface(named) {
		return nil
	}
	st, isStruct := named.Underlying().(*types.Struct)
	if !isStruct {
		return nil
	}
	key := ssax.TypeKey(named)
	if f, ok := env.owners[key]; ok {
		return f
	}
	if named.Obj().Pkg() == env.pass.Pkg && !env.summarised {
		// Its methods' summaries are not all known yet: ask again later.
		env.askedEarly[env.current] = true
		return nil
	}
	env.owners[key] = nil // a struct that embeds itself through a pointer
	if !env.mayOwn(st) {
		return nil
	}
	fam := &resource.Family{Key: key, Display: displayName(types.NewPointer(named)), Inferred: true}
	var declared, promoted []*types.Func
	mset := types.NewMethodSet(types.NewPointer(named))
	for i := range mset.Len() {
		sel := mset.At(i)
		m, ok := sel.Obj().(*types.Func)
		if !ok || !releaseShaped(m) {
			continue
		}
		if len(sel.Index()) == 1 {
			declared = append(declared, m)
		} else {
			promoted = append(promoted, m)
		}
	}
	slices.SortFunc(declared, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, m := range declared {
		if env.releasesReceiver(m) {
			fam.Release = append(fam.Release, m.Name())
		}
	}
	for _, m := range promoted {
		inner := env.embeddedFamily(m)
		if inner == nil || !inner.IsRelease(m.Name(), false) || slices.Contains(fam.Release, m.Name()) {
			continue
		}
		fam.Release = append(fam.Release, m.Name())
		inherit(fam, inner, mset)
	}
	if len(fam.Release) == 0 {
		fam = env.exposedFamily(named, fam)
	}
	env.owners[key] = fam
	return fam
}

// exposedFamily: a wrapper with no release method of its own that exposes
// the resource in an exported field (Result{Rows *sql.Rows; N int}) is
// released through that field, as an *http.Response through its Body.
// Only one such field: with two, which one the caller owns is not clear.
func (env *Env) exposedFamily(named *types.Named, fam *resource.Family) *resource.Family {
	st := named.Underlying().(*types.Struct)
	var inner *resource.Family
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Exported() || f.Embedded() {
			continue
		}
		ff := env.familyOfType(f.Type())
		if ff == nil || ff.ReleaseField != "" {
			continue
		}
		if inner != nil {
			return nil
		}
		inner, fam.ReleaseField = ff, f.Name()
	}
	if inner == nil {
		return nil
	}
	fam.Release = inner.Release
	fam.ReleasedWhenFalse = inner.ReleasedWhenFalse
	fam.ReleasedOnError = inner.ReleasedOnError
	fam.ReleaseTwiceSafe = inner.ReleaseTwiceSafe
	fam.DeferFix = inner.DeferFix
	return fam
}

// mayOwn: some field of the struct can hold a resource: a resource type,
// an owning struct, or an interface with a release method (an io.Closer
// holding a response body). A struct of plain data (big.Int's sign and
// digits) is no owner, whatever its methods' summaries say.
func (env *Env) mayOwn(st *types.Struct) bool {
	for i := range st.NumFields() {
		t := st.Field(i).Type()
		if env.familyOfType(t) != nil || env.ownerFamily(t) != nil {
			return true
		}
		if it, ok := t.Underlying().(*types.Interface); ok {
			for j := range it.NumMethods() {
				if resource.IsReleaseName(it.Method(j).Name()) {
					return true
				}
			}
		}
	}
	return false
}

// releaseShaped: a method that could be a wrapper's release takes nothing
// but, maybe, a context (Close(), Rollback(ctx)); methods with other
// arguments are operations, and a fix could not call them.
func releaseShaped(m *types.Func) bool {
	ps := m.Signature().Params()
	return ps.Len() == 0 || ps.Len() == 1 && ssax.TypeKey(ps.At(0).Type()) == "context.Context"
}

// releasesReceiver reports whether m's summary releases its receiver on
// every path.
func (env *Env) releasesReceiver(m *types.Func) bool {
	if env.pass.ImportObjectFact(m, new(ReleaseFact)) {
		return true
	}
	var params []Param
	if m.Pkg() == env.pass.Pkg {
		params = env.localSummary(m)
	} else if m.Pkg() != nil {
		params = env.imported(m.Pkg())[ssax.FuncKey(m)].Params
	}
	p, _ := paramAt(params, 0)
	return p.Effect == Release
}

// localSummary returns the summary of a function of the current package.
func (env *Env) localSummary(obj *types.Func) []Param {
	fn := env.ssaFuncs[obj]
	if fn == nil {
		return nil
	}
	if info := env.local[fn]; info != nil {
		return info.params
	}
	return nil
}

// embeddedFamily returns the family of the embedded field that promotes m.
func (env *Env) embeddedFamily(m *types.Func) *resource.Family {
	recv := m.Signature().Recv()
	if recv == nil {
		return nil
	}
	if f := env.familyOfType(recv.Type()); f != nil {
		return f
	}
	return env.ownerFamily(recv.Type())
}

// inheritPromoted gives a declared family the rules of the embedded
// resource whose release methods t promotes: declaring a wrapper of
// *sql.Rows released by Close makes Next returning false release it too.
func (env *Env) inheritPromoted(fam *resource.Family, t types.Type) {
	mset := methodSetOf(t)
	for i := range mset.Len() {
		sel := mset.At(i)
		m, ok := sel.Obj().(*types.Func)
		if !ok || len(sel.Index()) < 2 || !slices.Contains(fam.Release, m.Name()) {
			continue
		}
		if inner := env.embeddedFamily(m); inner != nil && inner.IsRelease(m.Name(), false) {
			inherit(fam, inner, mset)
			return
		}
	}
}

// inherit copies the rules of an embedded family whose methods the outer
// type promotes.
func inherit(outer, inner *resource.Family, mset *types.MethodSet) {
	promoted := func(names []string) []string {
		var out []string
		for _, n := range names {
			if hasMethod(mset, n) {
				out = append(out, n)
			}
		}
		return out
	}
	outer.ReleasedWhenFalse = append(outer.ReleasedWhenFalse, promoted(inner.ReleasedWhenFalse)...)
	outer.ReleasedOnError = append(outer.ReleasedOnError, promoted(inner.ReleasedOnError)...)
	outer.AfterRelease = append(outer.AfterRelease, promoted(inner.AfterRelease)...)
	outer.ReleaseTwiceSafe = outer.ReleaseTwiceSafe || inner.ReleaseTwiceSafe
	if outer.DeferFix == "" {
		outer.DeferFix = inner.DeferFix
	}
}

// methodSetOf is the method set a holder of a t can call: *T's for a
// named non-pointer, non-interface type.
func methodSetOf(t types.Type) *types.MethodSet {
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		return types.NewMethodSet(types.NewPointer(t))
	}
	return types.NewMethodSet(t)
}

// hasMethod looks a method up by name alone (unexported ones too).
func hasMethod(mset *types.MethodSet, name string) bool {
	for i := range mset.Len() {
		if mset.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// inferAcquisitions turns the functions that return an owning struct
// around what they acquired into acquisitions of that struct. It returns
// the functions to analyse again: the callers of the new acquisitions, and
// those that asked for an owning family before it could be decided.
func (env *Env) inferAcquisitions() map[*ssa.Function]bool {
	dirty := make(map[*ssa.Function]bool)
	if !env.summarised {
		for fn := range env.askedEarly {
			dirty[fn] = true
		}
		env.summarised = true
	}
	for fn, info := range env.local {
		if info.acquire != nil || info.wraps < 0 || env.inferred[fn] != nil {
			continue
		}
		t := fn.Signature.Results().At(info.wraps).Type()
		fam := env.ownerFamily(t)
		if fam == nil {
			continue
		}
		env.inferred[fn] = &AcquireFact{Result: info.wraps, Family: *fam}
		info.acquire = env.inferred[fn] // exported, and read by its callers
		for _, c := range env.callersOf(fn) {
			dirty[c] = true
		}
	}
	return dirty
}

// callersOf returns the functions of the package that call fn directly
// (built on first use: most packages infer nothing).
func (env *Env) callersOf(fn *ssa.Function) []*ssa.Function {
	if env.callers == nil {
		env.callers = make(map[*ssa.Function][]*ssa.Function)
		for _, caller := range env.funcs {
			for _, b := range caller.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok {
						if callee := c.Common().StaticCallee(); callee != nil {
							o := ssax.Origin(callee)
							env.callers[o] = append(env.callers[o], caller)
						}
					}
				}
			}
		}
	}
	return env.callers[fn]
}

// wrapsResult returns the result of fn that holds, without being it, what
// the search acquired: a struct (or a pointer to one) built around it.
func wrapsResult(fn *ssa.Function, o outcome) int {
	if o.returnedAs != 0 || o.returnedIn == 0 {
		return -1
	}
	i := lowestBit(o.returnedIn)
	if t := fn.Signature.Results().At(i).Type(); ssax.NamedOf(t) == nil {
		return -1
	}
	return i
}

// dynamicAcquisition decides a call the engine cannot see into (an
// interface method, a func value): it acquires when its result is a
// resource type, since implementations hand out fresh resources far more
// often than shared ones (a project's own DB interface with QueryContext,
// a dialer's Dial). A getter is the exception: no error result and no
// argument (Conn(), Rows()) reads what its receiver already holds.
func (env *Env) dynamicAcquisition(common *ssa.CallCommon) (*resource.Family, int, bool) {
	if _, builtin := common.Value.(*ssa.Builtin); builtin {
		return nil, 0, false
	}
	if fn := boundFunction(common.Value); fn != nil {
		// A local closure called through the variable that captured it:
		// its own summary says what it returns.
		if info := env.local[ssax.Origin(fn)]; info != nil {
			if info.acquire != nil {
				return &info.acquire.Family, info.acquire.Result, true
			}
			return nil, 0, false
		}
		if !env.summarised {
			// No call edge orders it first: ask again once every
			// function has its summary.
			env.askedEarly[env.current] = true
		}
	}
	sig := common.Signature()
	if sig.Results().Len() == 0 || errorResult(sig) < 0 && onlyContexts(sig.Params()) {
		// A getter: no argument but contexts (a lookup in one), and
		// nothing that could fail.
		return nil, 0, false
	}
	res := firstNonError(sig)
	t := sig.Results().At(res).Type()
	if ssax.IsErrorType(t) {
		return nil, 0, false
	}
	fam := env.familyOfType(t)
	if fam == nil {
		// An owning struct with release methods of its own; one that only
		// exposes a resource field (a *nats.Msg and its Sub) is no
		// acquisition where nothing shows it was built around a fresh one.
		if fam = env.ownerFamily(t); fam != nil && fam.ReleaseField != "" {
			fam = nil
		}
	}
	if fam == nil || !releasableAs(t, fam) {
		return nil, 0, false
	}
	return fam, res, true
}

// onlyContexts reports whether every parameter (if any) is a
// context.Context.
func onlyContexts(params *types.Tuple) bool {
	for v := range params.Variables() {
		if ssax.TypeKey(v.Type()) != "context.Context" {
			return false
		}
	}
	return true
}

// boundFunction returns the function a func value is bound to when that is
// visible: a captured variable that only ever holds one function literal
// (`newExecutor := func(...) {...}`, called from t.Run's closure), or nil.
func boundFunction(v ssa.Value) *ssa.Function {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X // a captured variable lives in a cell
	}
	if cell, ok := v.(*ssa.Alloc); ok {
		// The variable itself, in the function that declares it (and
		// that a closure captures, hence a cell).
		return funcOf(cell)
	}
	fv, ok := v.(*ssa.FreeVar)
	if !ok {
		return nil
	}
	fn := fv.Parent()
	idx := slices.Index(fn.FreeVars, fv)
	var bound *ssa.Function
	for _, ref := range *fn.Referrers() {
		mc, ok := ref.(*ssa.MakeClosure)
		if !ok || mc.Fn != fn || idx >= len(mc.Bindings) {
			continue
		}
		target := funcOf(mc.Bindings[idx])
		if target == nil || bound != nil && bound != target {
			return nil
		}
		bound = target
	}
	return bound
}

// funcOf returns the function literal v is (or that the variable v only
// ever holds), or nil.
func funcOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		return fn
	case *ssa.Alloc:
		if stored := ssax.StoredOnce(v); stored != nil && stored != v {
			return funcOf(stored)
		}
	}
	return nil
}
