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

// A Leak is an acquisition that some path does not release.
type Leak struct {
	Call   *ssa.Call
	Family resource.Family
	Result int // which result is the resource

	// Exit is the first leaking exit in source order; Looped says the path
	// returns to the acquisition, Lost that the last reference is
	// overwritten.
	Exit   token.Pos
	Looped bool
	Lost   bool
	// Untouched: no path releases or hands on the resource, so deferring a
	// release right after the acquisition is a safe fix.
	Untouched bool
}

// maxRounds bounds the fixpoint over a recursive group of functions.
// Summaries only move from borrow towards release/keep, so a few rounds
// settle all but pathological recursion, which then keeps its last answer.
const maxRounds = 4

// Findings are what the engine reports about one package. Each list is
// sorted by token.Pos (stably): source order within a file, but across files
// the order in which the driver added them to the FileSet, which it parses
// in parallel, so that order changes from run to run. Reporters sort by file
// name, line and column (analysisutil.SortDiagnostics) before reporting.
type Findings struct {
	Leaks   []Leak
	Misuses []Misuse
	Fields  []FieldLeak
}

// Analyze summarises every function of the package, callees first,
// exports the summaries as facts, and returns what it found.
func (env *Env) Analyze(funcs []*ssa.Function) Findings {
	env.funcs = funcs
	for _, fn := range funcs {
		if obj := ssax.FuncObject(fn); obj != nil && fn.Synthetic == "" {
			env.ssaFuncs[obj] = fn
		}
	}
	order := ssax.CalleesFirst(funcs)
	found := make(map[*ssa.Function]Findings, len(funcs))
	env.analyzeAll(order, found, nil)
	// A function found to return an owning struct around what it acquired
	// makes its callers acquire: analyse them again with that knowledge
	// (each round can only add acquisitions, so this ends; a wrapper of a
	// wrapper takes one round more). Only the functions the new knowledge
	// reaches are analysed again.
	for round := 0; round < maxRounds; round++ {
		dirty := env.inferAcquisitions()
		if len(dirty) == 0 {
			break
		}
		env.analyzeAll(order, found, dirty)
	}
	var all Findings
	for _, scc := range order {
		for _, fn := range scc {
			all.Leaks = append(all.Leaks, found[fn].Leaks...)
			all.Misuses = append(all.Misuses, found[fn].Misuses...)
		}
	}
	exported := new(Summaries)
	for _, scc := range order {
		for _, fn := range scc {
			env.exportFacts(fn, exported)
		}
	}
	if len(exported.Funcs) > 0 {
		slices.SortFunc(exported.Funcs, func(a, b FuncSummary) int { return cmp.Compare(a.Key, b.Key) })
		env.pass.ExportPackageFact(exported)
	}
	all.Fields = env.fieldLeaks()
	slices.SortStableFunc(all.Leaks, func(a, b Leak) int { return cmp.Compare(a.Call.Pos(), b.Call.Pos()) })
	slices.SortStableFunc(all.Misuses, func(a, b Misuse) int { return cmp.Compare(a.Pos, b.Pos) })
	return all
}

// analyzeAll summarises the functions, callees first, and records what it
// found in each. With dirty set, only those functions are analysed, and a
// function that turns out to acquire makes its callers dirty too.
func (env *Env) analyzeAll(order [][]*ssa.Function, found map[*ssa.Function]Findings, dirty map[*ssa.Function]bool) {
	for _, scc := range order {
		if dirty != nil && !slices.ContainsFunc(scc, func(fn *ssa.Function) bool { return dirty[fn] }) {
			continue
		}
		for round := 0; round < maxRounds; round++ {
			changed := false
			for _, fn := range scc {
				info, fnFindings := env.analyzeFunc(fn)
				found[fn] = fnFindings
				old := env.local[fn]
				if old == nil || !old.equal(info) {
					changed = true
				}
				if dirty != nil && old != nil && (old.acquire == nil) != (info.acquire == nil) {
					for _, c := range env.callersOf(fn) {
						dirty[c] = true
					}
				}
				env.local[fn] = info
			}
			if !changed || len(scc) == 1 && !ssax.CallsItself(scc[0]) {
				break
			}
		}
	}
}

// analyzeFunc follows every resource fn acquires and every parameter it
// receives.
func (env *Env) analyzeFunc(fn *ssa.Function) (*funcInfo, Findings) {
	env.current = fn
	info := &funcInfo{wraps: -1}
	if fn.Blocks == nil {
		info.params = env.opaqueParams(fn)
		return info, Findings{}
	}
	var found Findings
	// By parameter: what links results to it (Param.TiedResults,
	// SentResults, InvokedResults), merged into its summary below.
	var links []Param
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			fam, result, ok := env.acquisition(&call.Call)
			if !ok || canceledBefore(call) || env.fakeNeverAnswers(call) || missingField(call) ||
				fam.ContextScoped && !contextEndsHere(call) {
				continue
			}
			ties := env.tiesOf(call, fam)
			if ties.canceledBefore(call) {
				continue
			}
			s := newSearch(env, fn)
			s.fam, s.start = fam, call
			s.ties = ties
			s.releasedAtExit = s.ties.settledBefore(call) || env.parentArranged(s.ties)
			s.selfType = resultType(call, result)
			s.run(b, i+1, acquired(call, result, env.releasers(&call.Call)))
			returned := s.out.returnedAs | s.out.returnedIn
			links = env.tiedParams(s.ties, fn, call, result, returned, links)
			links = env.sentParams(fn, call, result, returned, links)
			switch {
			case s.out.arranged && s.out.returnedAs != 0:
				info.arranged |= s.out.returnedAs
			case info.acquire == nil && !env.index.NotAcquiredBy(ssax.FuncKey(ssax.FuncObject(fn))):
				info.acquire = returnedAcquisition(fn, fam, s.out)
			}
			if info.wraps < 0 && !s.out.arranged {
				// A struct around a resource whose release fn arranged
				// (stmt.Close given to a cleanup) owes its caller nothing.
				info.wraps = wrapsResult(fn, s.out)
			}
			if len(s.out.leaks) > 0 {
				found.Leaks = append(found.Leaks, newLeak(call, fam, result, s.out))
			}
			s.commitOwning()
			found.Misuses = append(found.Misuses, s.allMisuses()...)
		}
	}
	if info.acquire == nil {
		info.acquire = env.inferred[fn]
	}
	info.params = summarizeAll(env, fn, fn.Params, false)
	for i, l := range links {
		if l.trivial() {
			continue
		}
		if info.params == nil {
			info.params = make([]Param, len(fn.Params))
		}
		p := &info.params[i]
		p.TiedResults, p.SentResults, p.InvokedResults, p.Invoked = l.TiedResults, l.SentResults, l.InvokedResults, l.Invoked
	}
	// A closure's free variables are the cells of the variables it
	// captures (a bound method's is the receiver itself).
	info.freeVars = summarizeAll(env, fn, fn.FreeVars, fn.Synthetic == "")
	info.asserts = env.assertedErrors(fn)
	return info, found
}

// returnedAcquisition returns what fn acquires for its callers when it
// returns the resource it acquired: the resource itself, or its release
// field (return resp.Body: the caller must close the io.ReadCloser).
func returnedAcquisition(fn *ssa.Function, fam *resource.Family, o outcome) *AcquireFact {
	results := fn.Signature.Results()
	if o.returnedAs != 0 {
		res := lowestBit(o.returnedAs)
		if releasableAs(results.At(res).Type(), fam) {
			return &AcquireFact{Result: res, Family: *fam, Releasers: o.returnedReleaser &^ (1 << res)}
		}
		return nil
	}
	if o.returnedPart != 0 {
		res := lowestBit(o.returnedPart)
		t := results.At(res).Type()
		part := resource.Family{
			Key: ssax.TypeKey(t), Display: displayName(t),
			Release: fam.Release, ReleaseTwiceSafe: fam.ReleaseTwiceSafe,
		}
		if part.Key != "" && releasableAs(t, &part) {
			return &AcquireFact{Result: res, Family: part}
		}
	}
	return nil
}

// releasableAs reports whether a caller holding a value of type t can
// release the family's resource through it. A wrapper that converts what it
// acquired to a type without the release methods (pgx's QueryRow returns
// its rows as a pgx.Row, whose Scan closes them) hands the resource to that
// type's methods: its callers owe nothing.
func releasableAs(t types.Type, fam *resource.Family) bool {
	if fam.ReleaseField != "" {
		return true
	}
	mset := methodSetOf(t)
	return slices.ContainsFunc(fam.DrainedBy(), func(m string) bool { return hasMethod(mset, m) })
}

func newLeak(call *ssa.Call, fam *resource.Family, result int, o outcome) Leak {
	first := slices.MinFunc(o.leaks, func(a, b leak) int { return int(a.pos - b.pos) })
	return Leak{
		Call: call, Family: *fam, Result: result,
		Exit: first.pos, Looped: first.kind == leakLoop, Lost: first.kind == leakLost,
		Untouched: !o.released && !o.handed && o.returnedAs|o.returnedIn == 0 && !o.truncated,
	}
}

// acquired is the initial state: the call's result is the resource, and
// its error result (if any) says whether it was acquired.
func acquired(call *ssa.Call, result int, releasers uint32) entry {
	if tuple, ok := call.Type().(*types.Tuple); ok && tuple.Len() > 1 {
		return entry{v: call, role: roleTuple, selfMask: 1 << result, relMask: releasers, errIdx: int8(errorResult(call.Call.Signature()))}
	}
	return entry{v: call, role: roleSelf}
}

func resultType(call *ssa.Call, result int) types.Type {
	if tuple, ok := call.Type().(*types.Tuple); ok {
		return tuple.At(result).Type()
	}
	return call.Type()
}

// opaqueParams summarises a function declared without a body, implemented
// in assembly or by the runtime through go:linkname (time.newTimer, which
// keeps the func that time.AfterFunc is given): what it does with its
// arguments is not known, so it keeps those that may carry a resource.
func (env *Env) opaqueParams(fn *ssa.Function) []Param {
	if fn.Synthetic != "" || fn.Object() == nil {
		return nil
	}
	var argTypes []types.Type // receiver first, as in a call's arguments
	if recv := fn.Signature.Recv(); recv != nil {
		argTypes = append(argTypes, recv.Type())
	}
	for v := range fn.Signature.Params().Variables() {
		argTypes = append(argTypes, v.Type())
	}
	var out []Param
	for i, t := range argTypes {
		if !ssax.MayHoldPointers(t) || neverResource(t) || !env.mayCarry(t) {
			continue
		}
		if out == nil {
			out = make([]Param, len(argTypes))
		}
		out[i] = Param{Effect: Keep}
	}
	return out
}

// summarizeAll summarises each value (parameters or free variables) as if
// it were a resource handed to fn.
func summarizeAll[V ssa.Value](env *Env, fn *ssa.Function, vs []V, cells bool) []Param {
	var out []Param
	for i, v := range vs {
		p := env.summarize(fn, v, cells)
		if p.trivial() {
			continue
		}
		if out == nil {
			out = make([]Param, len(vs))
		}
		out[i] = p
	}
	return out
}

func (env *Env) summarize(fn *ssa.Function, v ssa.Value, cell bool) Param {
	if !ssax.MayHoldPointers(v.Type()) || neverResource(v.Type()) {
		return Param{}
	}
	if !env.mayCarry(v.Type()) || !env.mayDischarge(v) {
		return Param{}
	}
	s := newSearch(env, fn)
	s.isParam = true
	start := entry{v: v, role: roleSelf}
	s.selfType = v.Type()
	if ptr, ok := v.Type().Underlying().(*types.Pointer); ok && cell {
		start.role, s.selfType = roleContainer, ptr.Elem()
	}
	s.fam = env.familyOfType(s.selfType)
	if isCollection(v.Type()) && !cell && elementsMayHold(v.Type()) && s.elementsReleased(v) {
		// closeAll(cs ...io.Closer): releasing the elements releases
		// what the caller put in the collection.
		return Param{Effect: Release}
	}
	s.run(fn.Blocks[0], 0, start)
	o := s.out
	switch {
	case o.settled():
		return Param{Effect: Keep}
	case o.returnedAs|o.returnedIn != 0:
		return Param{ReturnedAs: o.returnedAs, ReturnedIn: o.returnedIn}
	case o.released && len(o.leaks) == 0:
		return Param{Effect: Release}
	case o.released:
		// Released on some paths only: maybe exactly when the error
		// result says so.
		return Param{Effect: Keep, Cond: s.releaseCondition()}
	}
	return Param{}
}

// neverResource: no resource is ever passed as a context or an error, yet
// nearly every function takes one and hands it on; summarising them would
// only multiply facts.
func neverResource(t types.Type) bool {
	switch ssax.TypeKey(t) {
	case "context.Context", "error":
		return true
	}
	return false
}

func (env *Env) exportFacts(fn *ssa.Function, exported *Summaries) {
	// Only what other packages can name needs a fact: the driver keeps
	// every fact of every dependency in memory for each package, so facts
	// on unexported functions would cost much and serve nothing.
	obj := ssax.FuncObject(fn)
	if obj == nil || obj.Pkg() != env.pass.Pkg || fn.Synthetic != "" || fn.Parent() != nil || !obj.Exported() {
		return
	}
	info := env.local[fn]
	if info.acquire != nil && !env.pass.ImportObjectFact(obj, new(AcquireFact)) {
		env.pass.ExportObjectFact(obj, info.acquire)
	}
	if len(info.params) > 0 || info.arranged != 0 || info.asserts.Errors != 0 {
		exported.Funcs = append(exported.Funcs, FuncSummary{ssax.FuncKey(obj), info.params, info.arranged, info.asserts})
	}
}

func lowestBit(m uint32) int {
	for i := 0; i < 32; i++ {
		if m&(1<<i) != 0 {
			return i
		}
	}
	return 0
}

func (a *funcInfo) equal(b *funcInfo) bool {
	return slices.Equal(a.params, b.params) && slices.Equal(a.freeVars, b.freeVars) &&
		(a.acquire == nil) == (b.acquire == nil) && a.wraps == b.wraps && a.arranged == b.arranged && a.asserts == b.asserts
}
