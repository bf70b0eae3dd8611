package ownership

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// isHeadRequest reports whether req is certainly a HEAD request, whose
// response has no body (http.NoBody) and so nothing to close: built by
// http.NewRequest or NewRequestWithContext with the constant method "HEAD",
// or as a composite literal with that Method, given no other method, and
// handed only to the request's own methods and to senders. Anything else
// (a method from a variable, the request passed to a helper) stays an
// acquisition.
func (env *Env) isHeadRequest(req ssa.Value) bool {
	if ssax.TypeKey(req.Type()) != resource.RequestType {
		return false
	}
	head := false
	switch r := req.(type) {
	case *ssa.Extract:
		call, ok := r.Tuple.(*ssa.Call)
		if !ok || r.Index != 0 {
			return false
		}
		i, ok := resource.RequestMethodArg(ssax.FuncKey(ssax.Callee(&call.Call)))
		if !ok || i >= len(call.Call.Args) || !isHead(call.Call.Args[i]) {
			return false
		}
		head = true
	case *ssa.Alloc: // &http.Request{Method: "HEAD", ...}
	default:
		return false
	}
	methods, whole, ok := env.methodStores(req)
	if !ok || len(whole) > 0 {
		return false
	}
	for _, st := range methods {
		if !isHead(st.Val) {
			return false
		}
		head = true
	}
	return head
}

// methodStores returns the stores into req's Method field and those of a
// whole Request into *req, req being a *http.Request; ok is false when
// something else may set its method: req is handed to a function other than
// the request's own methods (SetBasicAuth, WithContext, ...: they never
// change its method), the senders and the helpers that send the request
// they are given unchanged (Param.SentResults), or the address of its
// Method is.
func (env *Env) methodStores(req ssa.Value) (methods, whole []*ssa.Store, ok bool) {
	for _, ref := range *req.Referrers() {
		switch use := ref.(type) {
		case *ssa.FieldAddr:
			if f := ssax.Field(req.Type(), use.Field); f == nil || f.Name() != resource.RequestMethod {
				continue
			}
			for _, w := range *use.Referrers() {
				switch w := w.(type) {
				case *ssa.Store:
					if w.Addr != use {
						return nil, nil, false
					}
					methods = append(methods, w)
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return nil, nil, false
				}
			}
		case ssa.CallInstruction:
			fn := ssax.Callee(use.Common())
			if fn == nil {
				return nil, nil, false
			}
			if _, sends := resource.SentRequest(ssax.FuncKey(fn)); sends || env.sendsArg(use.Common(), req) {
				continue
			}
			if recv := fn.Signature().Recv(); recv == nil || ssax.TypeKey(recv.Type()) != resource.RequestType {
				return nil, nil, false
			}
		case *ssa.Store:
			if use.Addr != req {
				return nil, nil, false // the pointer itself stored somewhere
			}
			whole = append(whole, use)
		case *ssa.UnOp: // a copy of the request
			if use.Op != token.MUL {
				return nil, nil, false
			}
		case *ssa.DebugRef:
		default:
			return nil, nil, false
		}
	}
	return methods, whole, true
}

func isHead(v ssa.Value) bool {
	s, ok := ssax.StringConst(v)
	return ok && s == resource.BodylessMethod
}

// sentParam returns the index of the parameter of fn that req, the request
// a sender in fn is given, passes on with its method unchanged: the
// parameter itself (a *http.Request), or the variable that holds a copy of
// a Request parameter (func getBody(req Request, c *Client) { c.Do(&req) }),
// whose Method fn never sets. It returns -1 for any other request.
func (env *Env) sentParam(fn *ssa.Function, req ssa.Value) int {
	if ssax.TypeKey(req.Type()) != resource.RequestType {
		return -1
	}
	methods, whole, ok := env.methodStores(req)
	if !ok || len(methods) > 0 {
		return -1
	}
	param, _ := req.(*ssa.Parameter)
	if cell, isCell := req.(*ssa.Alloc); isCell && len(whole) == 1 && cell.Parent() == fn {
		param, _ = whole[0].Val.(*ssa.Parameter)
	} else if len(whole) > 0 {
		return -1
	}
	if param == nil || param.Parent() != fn {
		return -1
	}
	return slices.Index(fn.Params, param)
}

// headCopy reports whether req, a Request value, is certainly a HEAD
// request: a copy of a local variable (var req http.Request) whose Method,
// on every path to the copy, was last set to the constant "HEAD", and
// which nothing else may change.
func (env *Env) headCopy(req ssa.Value) bool {
	load, ok := req.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || ssax.TypeKey(req.Type()) != resource.RequestType {
		return false
	}
	cell, ok := load.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	methods, whole, ok := env.methodStores(cell)
	if !ok {
		return false
	}
	head := map[ssa.Instruction]bool{}
	for _, st := range methods {
		head[st] = isHead(st.Val)
	}
	for _, st := range whole {
		head[st] = false
	}
	b := load.Block()
	return lastStoreHead(cell, head, b, slices.Index(b.Instrs, ssa.Instruction(load)), map[*ssa.BasicBlock]bool{})
}

// lastStoreHead reports whether, on every path to instruction i of b, the
// last of the stores in head (or the variable's allocation, which leaves
// Method empty: a GET) is one that stores "HEAD". A path that comes back
// to a block already being examined adds nothing: it entered the loop
// through one of the others.
func lastStoreHead(cell *ssa.Alloc, head map[ssa.Instruction]bool, b *ssa.BasicBlock, i int, seen map[*ssa.BasicBlock]bool) bool {
	for j := i - 1; j >= 0; j-- {
		in := b.Instrs[j]
		if in == ssa.Instruction(cell) {
			return false
		}
		if h, ok := head[in]; ok {
			return h
		}
	}
	seen[b] = true
	if len(b.Preds) == 0 {
		return false
	}
	for _, p := range b.Preds {
		if !seen[p] && !lastStoreHead(cell, head, p, len(p.Instrs), seen) {
			return false
		}
	}
	return true
}

// sentRequest returns the request a call sends, if it is a sender: one of
// the library's (Client.Do, Transport.RoundTrip), or a function whose
// result `result` is the response to a request it was given.
func (env *Env) sentRequest(common *ssa.CallCommon, result int) ssa.Value {
	if fn := ssax.Callee(common); fn != nil {
		if i, ok := resource.SentRequest(env.funcKey(fn)); ok && i < len(common.Args) {
			return common.Args[i]
		}
	}
	return env.sentArg(common, result)
}

// sentArg returns the argument of a call whose response the callee's
// result `result` is (Param.SentResults), or nil.
func (env *Env) sentArg(common *ssa.CallCommon, result int) ssa.Value {
	if common.IsInvoke() {
		return nil
	}
	params, _, _ := env.calleeSummary(common)
	for i, p := range params {
		if p.SentResults&(1<<result) != 0 && i < len(common.Args) {
			return common.Args[i]
		}
	}
	return nil
}

// sentParams adds to links (by parameter of fn) the results of fn that
// give its callers the response to a request fn was given and sends
// unchanged: call, result `result` of which is that response.
func (env *Env) sentParams(fn *ssa.Function, call *ssa.Call, result int, returned uint32, links []Param) []Param {
	if returned == 0 {
		return links
	}
	req := env.sentRequest(&call.Call, result)
	if req == nil {
		return links
	}
	if i := env.sentParam(fn, req); i >= 0 {
		if bits := env.returnedBits(fn, call, result, returned); bits != 0 {
			var l *Param
			links, l = linkOf(links, fn, i)
			l.SentResults |= bits
		}
	}
	return links
}

// sendsHead reports a helper whose result `result` is the response to a
// request it was given, called with a HEAD request: the response has no
// body.
func (env *Env) sendsHead(common *ssa.CallCommon, result int) bool {
	arg := env.sentArg(common, result)
	return arg != nil && (env.isHeadRequest(arg) || env.headCopy(arg))
}

// sendsArg reports a call of a helper that sends v, one of its arguments,
// unchanged (Param.SentResults).
func (env *Env) sendsArg(common *ssa.CallCommon, v ssa.Value) bool {
	if common.IsInvoke() {
		return false
	}
	params, _, _ := env.calleeSummary(common)
	for i, p := range params {
		if p.SentResults != 0 && i < len(common.Args) && common.Args[i] == v {
			return true
		}
	}
	return false
}
