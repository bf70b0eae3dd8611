package refcycle

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// R5: a discarded context.AfterFunc stop.
//
// context.AfterFunc registers the callback with the context (as a child of
// the nearest cancelable ancestor); it stays registered until the context
// is cancelled or stop is called. With the stop dropped, the callback and
// all it captures live as long as the context: for a server's base
// context, the life of the process.
//
// Like lostcancel, any use of stop counts (called, deferred, stored,
// returned, passed on). Not reported: callbacks that capture nothing that
// holds pointers, contexts that can never be cancelled (Background and TODO
// register nothing), and contexts derived in the same function with a
// cancel function (lostcancel checks that it is called, which releases the
// callback).

func (c *checker) afterFuncs() {
	for _, s := range c.calls("context.AfterFunc") {
		call := s.call
		if len(call.Call.Args) != 2 || hasUses(call) || shortLived(call.Call.Args[0]) {
			continue
		}
		captured := capturedPointers(call.Call.Args[1])
		if captured == "" {
			continue
		}
		c.report(ruleAfterFunc, call.Pos(), call.Pos(), nil,
			"the stop function returned by context.AfterFunc is discarded while the callback captures %s: the context holds the callback, and all it captures, until the context is cancelled (for a server-lifetime context, forever); keep stop and call it once the callback is no longer needed (defer stop())",
			captured)
	}
}

// hasUses reports whether a value is used at all.
func hasUses(v ssa.Value) bool {
	for _, ref := range *v.Referrers() {
		if _, ok := ref.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// shortLived reports whether ctx registers nothing (Background, TODO) or
// is derived, in the same function, by a context function that also
// returns a cancel function.
func shortLived(ctx ssa.Value) bool {
	if e, ok := ctx.(*ssa.Extract); ok {
		ctx = e.Tuple
	}
	call, ok := ctx.(*ssa.Call)
	if !ok {
		return false
	}
	switch ssax.FuncKey(ssax.Callee(&call.Call)) {
	case "context.Background", "context.TODO",
		"context.WithCancel", "context.WithCancelCause",
		"context.WithTimeout", "context.WithTimeoutCause",
		"context.WithDeadline", "context.WithDeadlineCause":
		return true
	}
	return false
}

// capturedPointers names what a callback captures that holds pointers
// ("c, buf", or "its receiver" for a method value), or "" if nothing.
func capturedPointers(f ssa.Value) string {
	mc, ok := ssax.Canon(f).(*ssa.MakeClosure)
	if !ok {
		return ""
	}
	fn := mc.Fn.(*ssa.Function)
	if strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		if ssax.MayHoldPointers(mc.Bindings[0].Type()) {
			return "its receiver (the method value " + strings.TrimSuffix(fn.Name(), "$bound") + ")"
		}
		return ""
	}
	var names []string
	for i, b := range mc.Bindings {
		t := b.Type()
		if _, ok := b.(*ssa.Alloc); ok {
			t = ssax.Deref(t) // a variable captured by reference
		}
		if ssax.MayHoldPointers(t) && i < len(fn.FreeVars) {
			names = append(names, fn.FreeVars[i].Name())
		}
	}
	return strings.Join(names, ", ")
}

// calls returns the direct calls to the function named key ("pkg.Name")
// in the package, with the function containing each. (R5 looks at what
// the call's own result becomes, so calls through helpers do not count.)
func (c *checker) calls(key string) []siteCall {
	var out []siteCall
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				if ssax.FuncKey(ssax.Callee(&call.Call)) == key {
					out = append(out, siteCall{fn: fn, call: call})
				}
			}
		}
	}
	return out
}

type siteCall struct {
	fn   *ssa.Function
	call *ssa.Call
}
