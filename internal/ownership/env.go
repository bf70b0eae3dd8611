package ownership

import (
	"cmp"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// An Env is the engine's state for one analysis pass (one package): the
// summaries of the package's functions as Analyze computes them, caches of
// families and of imported summaries, and what it has inferred so far
// (owning structs and the functions that acquire them, owning fields).
// NewEnv makes one per pass; it is dropped with the pass, never shared
// between passes or goroutines, and nothing in it is global.
type Env struct {
	pass *analysis.Pass
	// strict treats a call the engine cannot see into as a borrow rather
	// than a hand-off: more reports, some of them false.
	strict bool
	// index holds the families: built-in, and those of families files.
	index *resource.Index

	local    map[*ssa.Function]*funcInfo
	families map[string]*resource.Family // by type key; nil entries cache misses
	carries  map[types.Type]bool         // mayCarry's answers
	// typeFamilies caches families by type before TypeKey is computed.
	typeFamilies map[types.Type]*resource.Family
	funcKeys     map[*types.Func]string // ssax.FuncKey's answers
	marked       map[*types.Func]bool   // MarkedReleases, once read
	// acquireFacts caches imported AcquireFacts (nil entries: none), which
	// every call the searches meet asks for.
	acquireFacts map[*types.Func]*AcquireFact
	// converted: underlying types of named types converted to or from
	// one another in this package (prescreen.go).
	converted map[types.Type]bool
	extra     map[string]resource.Extra // user-declared acquisitions by function key

	summaries map[*types.Package]map[string]FuncSummary // imported, by package

	// Owning structs (owners.go): inferred families by type key (nil
	// entries cache misses), the functions inferred to acquire one, and
	// the package's functions by object, to read their methods' summaries.
	owners   map[string]*resource.Family
	inferred map[*ssa.Function]*AcquireFact
	ssaFuncs map[*types.Func]*ssa.Function
	funcs    []*ssa.Function // every function of the package, closures too
	// summarised: every function of the package has a summary, so the
	// inferred families of its own types can be decided; askedEarly says
	// one was asked for before (the package is analysed again).
	summarised bool
	askedEarly map[*ssa.Function]bool // functions that asked before it
	current    *ssa.Function          // the function being analysed
	callers    map[*ssa.Function][]*ssa.Function
	// returning caches, by function, which blocks reach a return
	// (cannotReturn).
	returning map[*ssa.Function][]bool

	// owning: the fields that receive a resource their struct acquired,
	// by struct and field (fields.go).
	owning map[[2]types.Object]*OwningField
}

// funcInfo is what the engine knows of a function of the current package.
type funcInfo struct {
	params   []Param      // by ssa.Function.Params (receiver first)
	freeVars []Param      // by ssa.Function.FreeVars
	acquire  *AcquireFact // learned from the body: fn returns what it acquired
	// wraps is the result that holds, inside a struct, what fn acquired
	// (-1: none): fn acquires that struct if it owns a release method.
	wraps int
	// arranged: results that are a resource fn acquired and whose release
	// it arranged (handles.go).
	arranged uint32
	// asserts: the parameters fn asserts are non-nil errors (assertions.go).
	asserts Asserts
}

// NewEnv returns the engine for one pass.
func NewEnv(pass *analysis.Pass, strict bool, extra []resource.Extra, families *resource.Index) *Env {
	if families == nil {
		families = resource.Builtins()
	}
	env := &Env{
		pass:         pass,
		strict:       strict,
		index:        families,
		local:        make(map[*ssa.Function]*funcInfo),
		families:     make(map[string]*resource.Family),
		carries:      make(map[types.Type]bool),
		typeFamilies: make(map[types.Type]*resource.Family),
		funcKeys:     make(map[*types.Func]string),
		acquireFacts: make(map[*types.Func]*AcquireFact),
		extra:        make(map[string]resource.Extra, len(extra)),

		summaries:  make(map[*types.Package]map[string]FuncSummary),
		owners:     make(map[string]*resource.Family),
		inferred:   make(map[*ssa.Function]*AcquireFact),
		ssaFuncs:   make(map[*types.Func]*ssa.Function),
		owning:     make(map[[2]types.Object]*OwningField),
		askedEarly: make(map[*ssa.Function]bool),
	}
	for _, e := range extra {
		env.extra[e.Func] = e
	}
	return env
}

// familyOfType returns the family whose resource type is t: a built-in one,
// or one defined by //connlint:release methods on a named type. It returns
// nil for types that are not resources.
func (env *Env) familyOfType(t types.Type) *resource.Family {
	if f, ok := env.typeFamilies[t]; ok {
		return f
	}
	key := ssax.TypeKey(t)
	if key == "" {
		return nil
	}
	if f, ok := env.families[key]; ok {
		env.typeFamilies[t] = f
		return f
	}
	f := env.index.ByType(key)
	if f == nil {
		f = env.directiveFamily(ssax.NamedOf(t))
	}
	if f == nil && env.index.HasEmbedders() {
		// Cached by key below: the instances of a generic interface
		// (ServerStreamingClient[A], [B]) share one and embed the same
		// types.
		f = env.embedderFamily(t)
	}
	env.families[key] = f
	env.typeFamilies[t] = f
	return f
}

// embedderFamily returns the family of an interface type that embeds, at
// any depth, the type of a family whose embedders are resources too
// (resource.Family.Embedders): a generated stream interface around
// grpc.ClientStream.
func (env *Env) embedderFamily(t types.Type) *resource.Family {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for e := range iface.EmbeddedTypes() {
		if f := env.familyOfType(e); f != nil && f.Embedders {
			return f
		}
	}
	return nil
}

// directiveFamily builds the family of a named type from the methods its
// package marked //connlint:release (and //connlint:afterrelease).
func (env *Env) directiveFamily(named *types.Named) *resource.Family {
	if named == nil || len(env.MarkedReleases()) == 0 {
		// With no method marked in any package this one sees, no type has
		// a directive family: skip the method sets (std marks none).
		return nil
	}
	var t types.Type = named
	if !types.IsInterface(named) {
		t = types.NewPointer(named)
	}
	fam := &resource.Family{Key: ssax.TypeKey(named), Display: types.TypeString(t, types.RelativeTo(nil))}
	fam.Display = displayName(t)
	// Source order, so that the first release method (the one a fix
	// defers) is the one the type's author wrote first: Recycle before
	// Discard, not alphabetical.
	mset := types.NewMethodSet(t)
	methods := make([]*types.Func, 0, mset.Len())
	for i := range mset.Len() {
		if m, ok := mset.At(i).Obj().(*types.Func); ok {
			methods = append(methods, m.Origin())
		}
	}
	slices.SortFunc(methods, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, m := range methods {
		var rel ReleaseFact
		if env.pass.ImportObjectFact(m, &rel) {
			fam.Release = append(fam.Release, m.Name())
		}
		if rel.Idempotent || env.pass.ImportObjectFact(m, new(AfterReleaseFact)) {
			fam.AfterRelease = append(fam.AfterRelease, m.Name())
		}
	}
	if len(fam.Release) == 0 {
		return nil
	}
	return fam
}

// displayName writes a type as its users do: package name, not path, and no
// type arguments ("*connpool.Lease").
func displayName(t types.Type) string {
	ptr := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		ptr, t = "*", p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return ptr + n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return ptr + types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// acquisition reports whether the call acquires a resource, and which
// result carries it.
func (env *Env) acquisition(common *ssa.CallCommon) (*resource.Family, int, bool) {
	obj := ssax.Callee(common)
	if obj == nil {
		obj = ssax.InvokedMethod(common)
	}
	if obj != nil {
		key := env.funcKey(obj)
		if env.index.NotAcquiredBy(key) {
			return nil, 0, false
		}
		if i, ok := resource.SentRequest(key); ok && i < len(common.Args) && env.isHeadRequest(common.Args[i]) {
			return nil, 0, false // a HEAD response has no body
		}
		if fam := env.index.AcquiredBy(key); fam != nil {
			return fam, firstNonError(obj.Signature()), true
		}
		if e, ok := env.extra[key]; ok {
			if fam := env.extraFamily(obj, e); fam != nil {
				return fam, firstNonError(obj.Signature()), true
			}
		}
		if fact := env.importedAcquire(obj); fact != nil && !env.sendsHead(common, fact.Result) {
			return &fact.Family, fact.Result, true
		}
	}
	if fn := common.StaticCallee(); fn != nil {
		if info := env.local[ssax.Origin(fn)]; info != nil && info.acquire != nil {
			if env.sendsHead(common, info.acquire.Result) {
				return nil, 0, false
			}
			return &info.acquire.Family, info.acquire.Result, true
		}
		if a := env.inferred[ssax.Origin(fn)]; a != nil {
			return &a.Family, a.Result, true
		}
		return nil, 0, false
	}
	return env.dynamicAcquisition(common)
}

// extraFamily is the family of a user-declared acquisition: its result
// type, released by the declared methods. Declaring it also makes the type a
// resource wherever it appears in this package (parameters, wrappers).
func (env *Env) extraFamily(fn *types.Func, e resource.Extra) *resource.Family {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return nil
	}
	t := res.At(firstNonError(fn.Signature())).Type()
	key := ssax.TypeKey(t)
	if key == "" {
		return nil
	}
	if f := env.families[key]; f != nil {
		return f
	}
	f := &resource.Family{Key: key, Display: displayName(t), Release: e.Release}
	env.inheritPromoted(f, t)
	env.families[key] = f
	clear(env.typeFamilies) // it may hold a miss for this type
	return f
}

// firstNonError returns the index of a signature's first non-error result.
func firstNonError(sig *types.Signature) int {
	for i := range sig.Results().Len() {
		if !ssax.IsErrorType(sig.Results().At(i).Type()) {
			return i
		}
	}
	return 0
}

// errorResult returns the index of the last result if it is an error, or -1.
func errorResult(sig *types.Signature) int {
	n := sig.Results().Len()
	if n > 1 && ssax.IsErrorType(sig.Results().At(n-1).Type()) {
		return n - 1
	}
	return -1
}

// errorIndex is errorResult counting a lone error result too (Close()
// error): the index of the result that says whether the call failed.
func errorIndex(sig *types.Signature) int {
	if res := sig.Results(); res.Len() == 1 && ssax.IsErrorType(res.At(0).Type()) {
		return 0
	}
	return errorResult(sig)
}

// calleeSummary returns what the callee of a call does with each of its
// parameters and free variables. known is false when the engine cannot see
// the callee: a func value, an interface method (but for the borrowers of
// resource.Borrows), a function with no types.Func. A function of another
// package is always known: the drivers analyse dependencies first, so one
// its Summaries fact does not list borrows everything.
func (env *Env) calleeSummary(common *ssa.CallCommon) (params, freeVars []Param, known bool) {
	if m := ssax.InvokedMethod(common); m != nil && resource.Borrows(env.funcKey(m)) {
		return nil, nil, true // t.Log on a testing.TB
	}
	fn := common.StaticCallee()
	if fn == nil {
		return nil, nil, false
	}
	if info := env.local[ssax.Origin(fn)]; info != nil {
		return info.params, info.freeVars, true
	}
	obj := ssax.FuncObject(fn)
	if obj == nil || obj.Pkg() == nil {
		return nil, nil, false
	}
	key := env.funcKey(obj)
	if resource.Borrows(key) {
		return nil, nil, true
	}
	if i, ok := env.index.ReleasedParam(key); ok {
		params = make([]Param, i+1)
		params[i].Effect = Release
		return params, nil, true
	}
	params = env.imported(obj.Pkg())[key].Params
	if isBoundThunk(fn) {
		// A method value x.M: its one free variable is M's receiver.
		if len(params) > 0 {
			return nil, params[:1], true
		}
		return nil, nil, true
	}
	return params, nil, true
}

// imported returns the summaries of a dependency (cached per package).
func (env *Env) imported(pkg *types.Package) map[string]FuncSummary {
	if m, ok := env.summaries[pkg]; ok {
		return m
	}
	var fact Summaries
	env.pass.ImportPackageFact(pkg, &fact)
	var m map[string]FuncSummary
	if len(fact.Funcs) > 0 {
		m = make(map[string]FuncSummary, len(fact.Funcs))
		for _, fs := range fact.Funcs {
			m[fs.Key] = fs
		}
	}
	env.summaries[pkg] = m
	return m
}

func isBoundThunk(fn *ssa.Function) bool {
	return strings.HasPrefix(fn.Synthetic, "bound method wrapper")
}

// isReleaseMethod reports whether method m, called on a value of type recv,
// releases it: a method of a family's release list, or one marked
// //connlint:release.
func (env *Env) isReleaseMethod(m *types.Func, recv types.Type) bool {
	if m == nil {
		return false
	}
	if env.pass.ImportObjectFact(m.Origin(), new(ReleaseFact)) {
		return true
	}
	if fam := env.familyOfType(recv); fam != nil && fam.ReleaseField == "" {
		return fam.IsRelease(m.Name(), false)
	}
	return false
}

func paramAt(ps []Param, i int) (Param, bool) {
	if i >= 0 && i < len(ps) {
		return ps[i], true
	}
	return Param{}, false
}

// funcKey is ssax.FuncKey, remembered: the hot paths (every call the
// searches step over) ask for the same few callees again and again.
func (env *Env) funcKey(fn *types.Func) string {
	key, ok := env.funcKeys[fn]
	if !ok {
		key = ssax.FuncKey(fn)
		env.funcKeys[fn] = key
	}
	return key
}

// MarkedReleases returns the methods marked //connlint:release in this
// package and in its dependencies. Only directives export release facts,
// and LoadDirectives exports them before anything asks, so the set is read
// once.
func (env *Env) MarkedReleases() map[*types.Func]bool {
	if env.marked == nil {
		env.marked = make(map[*types.Func]bool)
		for _, f := range env.pass.AllObjectFacts() {
			if _, ok := f.Fact.(*ReleaseFact); ok {
				if fn, ok := f.Object.(*types.Func); ok {
					env.marked[fn] = true
				}
			}
		}
	}
	return env.marked
}

func (env *Env) importedAcquire(fn *types.Func) *AcquireFact {
	fact, ok := env.acquireFacts[fn]
	if !ok {
		fact = new(AcquireFact)
		if !env.pass.ImportObjectFact(fn, fact) {
			fact = nil
		}
		env.acquireFacts[fn] = fact
	}
	return fact
}
