package ownership

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// Fakes that never answer. A test that records the request its client
// sends gives the client a fake transport of its own that fails every
// round trip:
//
//	tr := &recordingTransport{} // RoundTrip: return nil, errors.New("dummy impl")
//	client := &http.Client{Transport: tr}
//	client.Get(url) // Note: doesn't hit network
//
// The client's response is the transport's: when the only transport the
// client was given is a concrete type of this package whose method returns
// a constant nil on every path, there is nothing to release.

// fakeNeverAnswers reports an acquisition whose receiver is a composite
// literal of this function that received a single delegate, of a concrete
// type of this package whose producing method returns nil on every path.
func (env *Env) fakeNeverAnswers(call *ssa.Call) bool {
	callee := call.Call.StaticCallee()
	if callee == nil || len(call.Call.Args) == 0 {
		return false
	}
	d, ok := resource.DelegateOf(ssax.FuncKey(ssax.FuncObject(callee)))
	if !ok {
		return false
	}
	lit, ok := call.Call.Args[0].(*ssa.Alloc)
	if !ok || lit.Parent() != call.Parent() {
		return false
	}
	delegate := onlyFieldStore(lit, d.Field, ssax.FuncObject(callee).Pkg())
	mi, ok := delegate.(*ssa.MakeInterface)
	if !ok {
		return false
	}
	sel := types.NewMethodSet(mi.X.Type()).Lookup(env.pass.Pkg, d.Method)
	if sel == nil {
		return false
	}
	m, _ := sel.Obj().(*types.Func)
	if m == nil || m.Pkg() != env.pass.Pkg {
		return false
	}
	method := env.ssaFuncs[m]
	if lit := forwardedFunc(method, mi.X, d.Result); lit != nil {
		// A func type whose method calls the func itself
		// (testRoundTripper(func(req) (*Response, error) {...})).
		return returnsOnlyNil(lit, d.Result)
	}
	return returnsOnlyNil(method, d.Result)
}

// forwardedFunc returns the function literal behind v (a func converted to
// a named func type) when method only returns result i of a call of its
// receiver, or nil.
func forwardedFunc(method *ssa.Function, v ssa.Value, i int) *ssa.Function {
	if method == nil || method.Blocks == nil || len(method.Params) == 0 {
		return nil
	}
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X
	}
	var lit *ssa.Function
	switch f := v.(type) {
	case *ssa.MakeClosure:
		lit, _ = f.Fn.(*ssa.Function)
	case *ssa.Function:
		lit = f
	}
	if lit == nil {
		return nil
	}
	for _, b := range method.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if i >= len(ret.Results) {
			return nil
		}
		ext, ok := ret.Results[i].(*ssa.Extract)
		if !ok || ext.Index != i {
			return nil
		}
		call, ok := ext.Tuple.(*ssa.Call)
		if !ok || call.Call.Value != method.Params[0] {
			return nil
		}
	}
	return lit
}

// missingField reports an acquisition given a struct of the function
// (new(http.Request)) whose needed field nothing sets: it cannot succeed.
func missingField(call *ssa.Call) bool {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	for _, need := range resource.NeededFields(ssax.FuncKey(ssax.FuncObject(callee))) {
		if need.Arg < len(call.Call.Args) && unsetIn(call.Call.Args[need.Arg], need.Path, call, 0) {
			return true
		}
	}
	return false
}

// unsetIn reports whether v is a struct of the function whose field at
// path nothing sets: the last field is never stored, each one before it is
// stored once, with another such struct. The struct goes to no call but
// the acquisition (a helper could set the field), and is stored nowhere
// but in the field of the struct before it on the path (holders).
func unsetIn(v ssa.Value, path []string, call *ssa.Call, holders int) bool {
	lit, ok := v.(*ssa.Alloc)
	if !ok || lit.Parent() != call.Parent() {
		return false
	}
	var stored ssa.Value
	stores, held := 0, 0
	for _, ref := range *lit.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			f := ssax.Field(lit.Type(), r.Field)
			if f == nil {
				return false
			}
			for _, use := range *r.Referrers() {
				switch u := use.(type) {
				case *ssa.Store:
					if f.Name() == path[0] {
						stored = u.Val
						stores++
					}
				case *ssa.UnOp:
				default:
					return false // the field's address escapes
				}
			}
		case *ssa.Call:
			if r != call {
				return false // another call may set it
			}
		case *ssa.Store:
			if r.Val != lit {
				return false
			}
			// Put into the field of the struct before it on the path
			// (URL: &url.URL{...}), and nowhere else.
			held++
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	if held != holders {
		return false
	}
	if len(path) == 1 {
		return stores == 0
	}
	return stores == 1 && unsetIn(stored, path[1:], call, 1)
}

// onlyFieldStore returns the one value stored into the named field of a
// local struct, or nil if there are several, or if the struct's address
// goes anywhere but to a field access or a call of a method the library
// declares on it (a helper given the pointer may set the field).
func onlyFieldStore(lit *ssa.Alloc, field string, lib *types.Package) ssa.Value {
	var stored ssa.Value
	for _, ref := range *lit.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			f := ssax.Field(lit.Type(), r.Field)
			if f == nil || f.Name() != field {
				continue
			}
			for _, use := range *r.Referrers() {
				st, ok := use.(*ssa.Store)
				if !ok {
					if _, load := use.(*ssa.UnOp); load {
						continue
					}
					return nil // its address escapes
				}
				if st.Addr != r || stored != nil {
					return nil
				}
				stored = st.Val
			}
		case ssa.CallInstruction:
			common := r.Common()
			if common.IsInvoke() || len(common.Args) == 0 || common.Args[0] != lit || common.StaticCallee() == nil ||
				common.StaticCallee().Signature.Recv() == nil {
				return nil
			}
			for _, a := range common.Args[1:] {
				if a == lit {
					return nil
				}
			}
			if obj := ssax.FuncObject(common.StaticCallee()); obj == nil || obj.Pkg() != lib {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return stored
}

// returnsOnlyNil reports a function whose every return gives a constant
// nil as result i.
func returnsOnlyNil(fn *ssa.Function, i int) bool {
	if fn == nil || fn.Blocks == nil {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if i >= len(ret.Results) || !ssax.IsNil(ret.Results[i]) {
				return false
			}
			returns++
		}
	}
	return returns > 0
}
