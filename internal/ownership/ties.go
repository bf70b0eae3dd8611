package ownership

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// tied describes the releases a library performs on the resource's behalf
// (resource.Tie) at one acquisition: calling any of cancels cancels a
// context the resource watches; releasing one of parents (with one of its
// family's release methods) releases it too.
//
// Ties are transitive: whatever releases a parent on the library's side
// releases the resource as well (the Rows of a Tx close when the context
// of its BeginTx is canceled, since the Tx rolls back), and a resource
// tied to its receiver's ties (resource.Tie.ReceiverTies: the Rows of a
// Stmt prepared on a Tx close when the Tx ends, not when the Stmt closes)
// inherits them without the receiver itself.
type tied struct {
	cancels []ssa.Value
	parents []parent
}

// A parent is a resource whose release releases the tied one.
type parent struct {
	v   ssa.Value
	fam *resource.Family
}

// maxTieDepth bounds the walk up a chain of ties (a Tx, its Stmt, the
// Stmt's Rows is two steps): a variable assigned once from a call on its
// own previous value would otherwise make it a cycle.
const maxTieDepth = 4

// tiesOf returns what else releases the resource of family fam acquired
// by call, or nil.
func (env *Env) tiesOf(call *ssa.Call, fam *resource.Family) *tied {
	var t tied
	env.addTies(&t, call, fam, 0, maxTieDepth, false)
	if t.cancels == nil && t.parents == nil {
		return nil
	}
	return &t
}

// addTies adds to t what releases result `result` of call, a resource of
// family fam, on the library's side: the library's ties of the acquiring
// function (a context-scoped family's context; a stream's client built
// around a ClientConn), and, for a helper returning a resource acquired
// from one of its arguments (Param.TiedResults, InvokedResults), that
// argument; then, up to depth steps, the ties of each parent found.
// wrapped: the resource is the embedded field of that result, which only a
// helper's summary speaks of.
func (env *Env) addTies(t *tied, call *ssa.Call, fam *resource.Family, result, depth int, wrapped bool) {
	if depth == 0 {
		return
	}
	if !wrapped {
		var tie resource.Tie
		if fn := ssax.Callee(&call.Call); fn != nil {
			tie = env.index.TieOf(ssax.FuncKey(fn))
		}
		tie.Context = tie.Context || fam != nil && fam.ContextScoped
		if tie.Context {
			if ctx := contextArg(&call.Call); ctx != nil {
				t.cancels = append(t.cancels, cancelsOf(ctx)...)
			}
		}
		recv := ssax.Receiver(&call.Call)
		switch {
		case recv == nil:
		case tie.Receiver || tie.ReceiverTies:
			env.addReceiverTie(t, tie, recv, depth)
		case fam != nil:
			if p := env.builtAround(recv, env.index.TiedParents(fam.Key), maxWrapDepth); p != nil {
				env.addParent(t, p, true, depth)
			}
		}
	}
	if call.Call.IsInvoke() {
		return
	}
	params, _, _ := env.calleeSummary(&call.Call)
	for i, p := range params {
		if i >= len(call.Call.Args) {
			break
		}
		arg := call.Call.Args[i]
		if p.TiedResults&(1<<result) != 0 {
			env.addParent(t, arg, true, depth)
		}
		if p.InvokedResults&(1<<result) != 0 {
			// The helper called p.Invoked on the interface it was given:
			// the tie of the caller's concrete type's method.
			if mi, ok := arg.(*ssa.MakeInterface); ok {
				if m := methodOf(mi.X.Type(), p.Invoked); m != nil {
					env.addReceiverTie(t, env.index.TieOf(ssax.FuncKey(m)), mi.X, depth)
				}
			}
		}
	}
}

// addReceiverTie adds the parent a receiver tie gives: the receiver (and
// its ties), or only its ties (resource.Tie.ReceiverTies).
func (env *Env) addReceiverTie(t *tied, tie resource.Tie, recv ssa.Value, depth int) {
	if tie.Receiver || tie.ReceiverTies {
		env.addParent(t, recv, tie.Receiver, depth)
	}
}

// methodOf returns the method of type t named name, if any.
func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	m, _ := obj.(*types.Func)
	return m
}

// addParent adds v, the value a resource was acquired from, to t's
// parents (if releasing v releases the resource: self), and v's own ties.
func (env *Env) addParent(t *tied, v ssa.Value, self bool, depth int) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X // a *sql.Tx passed as an interface
	}
	call, idx, wrapped := producer(v)
	fam := env.parentFamily(v, call, idx, wrapped)
	if self && fam != nil {
		// A promoted release acts on the outermost struct that embeds
		// the parent (releasedBy compares receivers so): x.Rollback() for
		// x a struct embedding a *sql.Tx.
		outer := v
		for o := embeddedOwner(outer); o != nil; o = embeddedOwner(outer) {
			outer = o
		}
		t.parents = append(t.parents, parent{outer, fam})
	}
	if call != nil {
		env.addTies(t, call, fam, idx, depth-1, wrapped)
	}
}

// parentFamily returns the family whose release methods release the
// parent v: its type's; that of the acquisition that produced it (an
// owning struct of another package, known by its AcquireFact); or that of
// the field its type embeds, whose release methods it promotes (a
// parameter of a package's own owning struct, before its family is
// inferred).
func (env *Env) parentFamily(v ssa.Value, call *ssa.Call, idx int, wrapped bool) *resource.Family {
	if fam := env.familyOfType(v.Type()); fam != nil {
		return fam
	}
	if call != nil && !wrapped {
		if fam, result, ok := env.acquisition(&call.Call); ok && result == idx {
			return fam
		}
	}
	if st, ok := ssax.Deref(v.Type()).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if f := st.Field(i); f.Embedded() {
				if fam := env.familyOfType(f.Type()); fam != nil {
					return fam
				}
			}
		}
	}
	return nil
}

// maxWrapDepth bounds the walk through client constructors.
const maxWrapDepth = 3

// builtAround returns the resource of one of the parents types (type keys)
// that the client v was built around, or nil: v is the result of a call
// (NewRouteGuideClient(cc)) whose summary returns one of its arguments in
// that result, or of a call built around such a client in turn. A stream
// the client opens is opened on that parent (generated code calls
// c.cc.NewStream), so releasing the parent releases the stream, as it does
// for a stream of parent.NewStream.
func (env *Env) builtAround(v ssa.Value, parents []string, depth int) ssa.Value {
	if len(parents) == 0 || depth == 0 {
		return nil
	}
	for {
		x, ok := ssax.Converted(v)
		if !ok {
			break
		}
		v = x
	}
	if slices.Contains(parents, ssax.TypeKey(v.Type())) {
		return v
	}
	res := 0
	if ext, ok := v.(*ssa.Extract); ok {
		v, res = ext.Tuple, ext.Index
	}
	call, ok := v.(*ssa.Call)
	if !ok || call.Call.IsInvoke() {
		return nil
	}
	params, _, known := env.calleeSummary(&call.Call)
	if !known {
		return nil
	}
	for i, a := range call.Call.Args {
		if p, _ := paramAt(params, i); (p.ReturnedIn|p.ReturnedAs)&(1<<res) != 0 {
			if parent := env.builtAround(a, parents, depth-1); parent != nil {
				return parent
			}
		}
	}
	return nil
}

// producer returns the call whose result v is, and the result's index:
// v itself, an element of its results, or what a local variable assigned
// once holds. wrapped: v is the embedded field of that result (a promoted
// method called on a wrapper, s.Query() with s a struct embedding a
// *sql.Stmt).
func producer(v ssa.Value) (call *ssa.Call, idx int, wrapped bool) {
	if o := embeddedOwner(v); o != nil {
		v, wrapped = o, true
	}
	if cell := loadedCell(v); cell != nil {
		if v = ssax.StoredOnce(cell); v == nil {
			return nil, 0, false
		}
	}
	if ext, ok := v.(*ssa.Extract); ok {
		v, idx = ext.Tuple, ext.Index
	}
	call, _ = v.(*ssa.Call)
	return call, idx, wrapped
}

// cancelsOf returns the functions that cancel ctx: the cancel returned with
// it by context.WithCancel (WithTimeout, ...) and those of its ancestors,
// each as the value returned or the variables it was stored in.
func cancelsOf(ctx ssa.Value) []ssa.Value {
	var cancels []ssa.Value
	for {
		if cell := loadedCell(ctx); cell != nil {
			ctx = ssax.StoredOnce(cell) // a context a closure captures lives in a cell
		}
		if parent := derivedContextParent(ctx); parent != nil {
			ctx = parent // canceling the parent cancels ctx too
			continue
		}
		ext, ok := ctx.(*ssa.Extract)
		if !ok || ext.Index != 0 {
			return cancels
		}
		call, ok := ext.Tuple.(*ssa.Call)
		if !ok {
			return cancels
		}
		canceler := resource.IsCanceler(ssax.FuncKey(ssax.Callee(&call.Call)))
		if !canceler && !returnsContextAndCancel(call.Call.Signature()) {
			return cancels
		}
		for _, ref := range *call.Referrers() {
			if cancel, ok := ref.(*ssa.Extract); ok && cancel.Index == 1 {
				cancels = append(cancels, cancel)
				for _, use := range *cancel.Referrers() {
					if st, ok := use.(*ssa.Store); ok && st.Val == cancel {
						if _, ok := st.Addr.(*ssa.Alloc); ok {
							cancels = append(cancels, st.Addr)
						}
					}
				}
			}
		}
		if !canceler {
			// A helper or func value handing out a ctx, cancel pair:
			// its cancel cancels ctx; ancestors are not visible here.
			return cancels
		}
		ctx = call.Call.Args[0]
	}
}

// cancelsOrNil returns the cancels of a tie that may be nil.
func (t *tied) cancelsOrNil() []ssa.Value {
	if t == nil {
		return nil
	}
	return t.cancels
}

// returnsContextAndCancel: (context.Context, context.CancelFunc), or a
// plain func() in the second place.
func returnsContextAndCancel(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() != 2 || ssax.TypeKey(res.At(0).Type()) != "context.Context" {
		return false
	}
	f, ok := res.At(1).Type().Underlying().(*types.Signature)
	return ok && f.Params().Len() == 0 && f.Results().Len() == 0
}

// releasedBy reports whether the call releases the resource on the
// library's side: it cancels one of its contexts, or releases one of its
// parents.
func (t *tied) releasedBy(common *ssa.CallCommon) bool {
	if t == nil {
		return false
	}
	if t.isCancel(common.Value) {
		return true
	}
	m := ssax.Method(common)
	recv := ssax.Receiver(common)
	if m == nil || recv == nil {
		return false
	}
	for o := embeddedOwner(recv); o != nil; o = embeddedOwner(recv) {
		recv = o // a release promoted through an embedded field
	}
	for _, p := range t.parents {
		if sameValue(recv, p.v) && p.fam.IsRelease(m.Name(), false) {
			return true
		}
	}
	return false
}

func (t *tied) isCancel(v ssa.Value) bool {
	for {
		x, ok := ssax.Converted(v) // a CancelFunc passed as a func()
		if !ok {
			break
		}
		v = x
	}
	for _, c := range t.cancels {
		if sameValue(v, c) {
			return true
		}
	}
	return false
}

// cancelEscapes reports whether instr hands a cancel function on: to a
// closure that captures it, a call that receives it, a channel, or memory
// other than a local variable. Whoever receives it may cancel the context,
// and so release the resource: like the resource itself, it is handed on.
func (t *tied) cancelEscapes(instr ssa.Instruction) bool {
	if t == nil || len(t.cancels) == 0 {
		return false
	}
	switch in := instr.(type) {
	case *ssa.MakeClosure:
		for _, b := range in.Bindings {
			if t.isCancel(b) {
				return true
			}
		}
	case *ssa.Store:
		_, local := in.Addr.(*ssa.Alloc)
		return !local && t.isCancel(in.Val)
	case *ssa.Send:
		return t.isCancel(in.X)
	case ssa.CallInstruction:
		for _, a := range in.Common().Args {
			if t.isCancel(a) {
				return true
			}
		}
	}
	return false
}

// sameValue: v is x, v loads the local variable x, or both load the same
// local variable.
func sameValue(v, x ssa.Value) bool {
	if v == x {
		return true
	}
	cell := loadedCell(v)
	return cell != nil && (cell == x || cell == loadedCell(x))
}

func loadedCell(v ssa.Value) *ssa.Alloc {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		cell, _ := load.X.(*ssa.Alloc)
		return cell
	}
	return nil
}

// settledBefore reports whether, on every path to the acquisition, a
// deferred call already releases the resource on the library's side
// (`defer cancel()` before the query), or its cancel function was handed
// on: no exit then leaks it.
func (t *tied) settledBefore(call *ssa.Call) bool {
	if t == nil {
		return false
	}
	for instr := range ssax.RunBefore(call) {
		if d, ok := instr.(*ssa.Defer); ok && t.releasedBy(&d.Call) || t.cancelEscapes(instr) {
			return true
		}
	}
	return false
}

// canceledBefore reports an acquisition whose context was canceled on
// every path before it: the library fails it without acquiring anything
// (database/sql checks ctx.Done() first). Tests do this to check the error.
func canceledBefore(call *ssa.Call) bool {
	ctx := contextArg(&call.Call)
	if ctx == nil {
		return false
	}
	return (&tied{cancels: cancelsOf(ctx)}).canceledBefore(call)
}

// canceledBefore reports an acquisition one of whose contexts (its own, or
// one a parent watches) was canceled on every path before it: the library
// fails it, or releases it at once (the Rows of a Stmt prepared on a Tx
// whose BeginTx context was canceled close as soon as the query returns
// them).
func (t *tied) canceledBefore(call *ssa.Call) bool {
	if t == nil || len(t.cancels) == 0 {
		return false
	}
	cancels := &tied{cancels: t.cancels}
	for instr := range ssax.RunBefore(call) {
		if c, ok := instr.(*ssa.Call); ok && cancels.releasedBy(&c.Call) {
			return true
		}
	}
	return false
}

// derivedContextParent returns the context a call derives ctx from without
// a cancel of its own, where canceling that parent cancels ctx:
// context.WithValue, or any function (metadata.NewOutgoingContext, a
// logger's WithContext) that takes a context first and returns one. Only
// context.WithoutCancel detaches its result; nil if ctx is not such a call.
func derivedContextParent(ctx ssa.Value) ssa.Value {
	c, ok := ctx.(*ssa.Call)
	if !ok || len(c.Call.Args) == 0 || c.Call.IsInvoke() {
		return nil
	}
	if ssax.TypeKey(c.Call.Args[0].Type()) != "context.Context" || ssax.TypeKey(c.Type()) != "context.Context" {
		return nil
	}
	if ssax.FuncKey(ssax.Callee(&c.Call)) == "context.WithoutCancel" {
		return nil
	}
	return c.Call.Args[0]
}

// contextArg returns the call's first context.Context argument, or nil.
func contextArg(common *ssa.CallCommon) ssa.Value {
	for _, a := range common.Args {
		if ssax.TypeKey(a.Type()) == "context.Context" {
			return a
		}
	}
	return nil
}

// maxContextDepth bounds the walk up a chain of derived contexts.
const maxContextDepth = 16

// contextEndsHere reports whether the function making call owns the end of
// the context call is given, so that a resource living as long as that
// context is the function's to end (resource.Family.ContextScoped): a
// context it made with context.Background or TODO, or derived with a
// cancel it holds (its own or an ancestor's, or a helper's ctx, cancel
// pair). A context that reaches it from a parameter, a field or a call
// ends when its owner cancels it. A context derived from another without
// a cancel (WithValue, metadata.NewOutgoingContext) carries the question to
// its parent; WithoutCancel's never ends, like Background's.
func contextEndsHere(call *ssa.Call) bool {
	ctx := contextArg(&call.Call)
	if ctx == nil {
		// A function of this package or a summarised one that takes no
		// context acquired with one it made (it is an acquirer only if
		// its own acquisition was its obligation). An interface method or
		// func value without one may hold its owner's: not ours to end.
		return !call.Call.IsInvoke() && ssax.Callee(&call.Call) != nil
	}
	for range maxContextDepth {
		if ctx == nil {
			return false
		}
		if cell := loadedCell(ctx); cell != nil {
			ctx = ssax.StoredOnce(cell)
			continue
		}
		if len(cancelsOf(ctx)) > 0 {
			return true
		}
		c, ok := ctx.(*ssa.Call)
		if !ok {
			return false
		}
		switch ssax.FuncKey(ssax.Callee(&c.Call)) {
		case "context.Background", "context.TODO", "context.WithoutCancel":
			return true // never canceled: only its maker can end the resource
		}
		if ctx = derivedContextParent(c); ctx == nil {
			return false
		}
	}
	return false
}
