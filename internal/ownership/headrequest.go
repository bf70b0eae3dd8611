package ownership

import (
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
func isHeadRequest(req ssa.Value) bool {
	if ssax.TypeKey(req.Type()) != "net/http.Request" {
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
	for _, ref := range *req.Referrers() {
		switch use := ref.(type) {
		case *ssa.FieldAddr:
			if f := ssax.Field(req.Type(), use.Field); f == nil || f.Name() != "Method" {
				continue
			}
			for _, w := range *use.Referrers() {
				if st, ok := w.(*ssa.Store); ok && st.Addr == use {
					if !isHead(st.Val) {
						return false
					}
					head = true
				}
			}
		case ssa.CallInstruction:
			fn := ssax.Callee(use.Common())
			if fn == nil {
				return false
			}
			if _, sends := resource.SentRequest(ssax.FuncKey(fn)); sends {
				continue
			}
			// The request's own methods (SetBasicAuth, WithContext, ...)
			// never change its method.
			if recv := fn.Signature().Recv(); recv == nil || ssax.TypeKey(recv.Type()) != "net/http.Request" {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return head
}

func isHead(v ssa.Value) bool {
	s, ok := ssax.StringConst(v)
	return ok && s == "HEAD"
}
