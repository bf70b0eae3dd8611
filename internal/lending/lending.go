// Package lending finds values that a library lends to a callback for the
// duration of a call, and that the callback lets escape: database/sql's
// Conn.Raw ("driverConn must not be used outside of f"), pgxpool's
// AcquireFunc (the *Conn goes back to the pool when f returns), pgx's
// BeginFunc (the Tx is committed or rolled back then). Which functions
// lend, and which argument is the callback, is data: the catalogues'
// Lenders rows (resource.Index.LentTo).
//
// The check is flow-insensitive and looks only at the callback's own body:
// the lent value, and what is derived from it, escapes when it is stored
// where the callback's caller can reach it (a captured variable, a global,
// a field or element of a value reached through one), sent on a channel,
// or handed to a goroutine. What a callee does with it is not followed
// (helpers used inside the callback are the normal use). Values derived are
// conversions and type assertions of it, the pointer or interface results
// of its methods (the *pgx.Conn of stdlib.Conn.Conn()), except errors (an
// error it returns outlives it legitimately), and the closures that
// capture it.
package lending

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
)

// An Escape is a lent value that leaves the callback it was lent to.
type Escape struct {
	// Pos is where it escapes; How says how ("stored outside the
	// callback", "sent on a channel", "handed to a goroutine").
	Pos token.Pos
	How string
	// Lender is the lending function, Call the lending call, Param the
	// callback's parameter the value was lent as.
	Lender *types.Func
	Call   token.Pos
	Param  *ssa.Parameter
}

// Find returns the escapes from the callbacks passed, in funcs, to a
// function that lentTo says lends its callback's first parameter (the
// callback's argument index, receiver first).
func Find(funcs []*ssa.Function, lentTo func(*types.Func) (int, bool)) []Escape {
	var out []Escape
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				lender, cb := lentCallback(call.Common(), lentTo)
				if cb == nil || len(cb.Params) == 0 {
					continue
				}
				p := cb.Params[0]
				for _, e := range escapes(cb, p) {
					e.Lender, e.Call, e.Param = lender, call.Pos(), p
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// lentCallback returns the lending function a call names and the callback
// it is given, when that callback is a function literal of the package
// (a func value from elsewhere cannot be looked into).
func lentCallback(common *ssa.CallCommon, lentTo func(*types.Func) (int, bool)) (*types.Func, *ssa.Function) {
	fn := ssax.Method(common)
	if fn == nil {
		fn = ssax.Callee(common)
	}
	if fn == nil {
		return nil, nil
	}
	i, ok := lentTo(fn)
	if !ok {
		return nil, nil
	}
	ops := common.Args // a static method call's receiver is Args[0]
	if common.IsInvoke() {
		ops = append([]ssa.Value{common.Value}, common.Args...)
	}
	if i >= len(ops) {
		return nil, nil
	}
	switch cb := ops[i].(type) {
	case *ssa.MakeClosure:
		return fn, cb.Fn.(*ssa.Function)
	case *ssa.Function:
		if cb.Parent() != nil { // a literal without free variables
			return fn, cb
		}
	}
	return nil, nil
}

// escapes follows p and the values derived from it through cb's body.
func escapes(cb *ssa.Function, p ssa.Value) []Escape {
	var out []Escape
	derived := map[ssa.Value]bool{p: true}
	work := []ssa.Value{p}
	derive := func(v ssa.Value) {
		if v != nil && !derived[v] && ssax.MayHoldPointers(v.Type()) && !ssax.IsErrorType(v.Type()) {
			derived[v] = true
			work = append(work, v)
		}
	}
	reported := make(map[token.Pos]bool) // one report per instruction
	escape := func(pos token.Pos, how string) {
		if !reported[pos] {
			reported[pos] = true
			out = append(out, Escape{Pos: pos, How: how})
		}
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.TypeAssert, *ssa.Phi, *ssa.Extract, *ssa.Slice:
				derive(r.(ssa.Value))
			case *ssa.UnOp:
				if r.Op == token.MUL { // a load from a local that holds it
					derive(r)
				}
			case *ssa.Call:
				derive(derivedResult(r, v))
			case *ssa.Store:
				switch {
				case r.Val != v:
				case outside(r.Addr):
					escape(r.Pos(), "stored outside the callback")
				default:
					// A local of the callback now holds it: a variable a
					// nested closure captures, append's varargs array.
					if a, ok := ssax.AddrRoot(r.Addr).(*ssa.Alloc); ok && a.Parent() == cb {
						derive(a)
					}
				}
			case *ssa.MapUpdate:
				if (r.Value == v || r.Key == v) && outside(r.Map) {
					escape(r.Pos(), "stored outside the callback")
				}
			case *ssa.Send:
				if r.X == v {
					escape(r.Pos(), "sent on a channel")
				}
			case *ssa.Go:
				escape(r.Pos(), "handed to a goroutine")
			case *ssa.MakeClosure:
				// A closure that captures it holds it: stored outside,
				// or run as a goroutine, it takes it along.
				derive(r)
			}
		}
	}
	return out
}

// derivedResult returns what a call derives from v: a method's pointer or
// interface result when v is its receiver, append's result when v is
// appended.
func derivedResult(call *ssa.Call, v ssa.Value) ssa.Value {
	common := call.Common()
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" {
			return call
		}
		return nil
	}
	if ssax.Receiver(common) != v {
		return nil
	}
	if r := ssax.Result(call, 0); r != nil && isHandle(r.Type()) {
		return r
	}
	return nil
}

// isHandle reports whether a method's result can be a handle on what the
// lent value holds (the *pgx.Conn under a driver connection): a pointer or
// an interface. A slice, map or string it returns is data (a session's ID).
func isHandle(t types.Type) bool {
	_, ptr := t.Underlying().(*types.Pointer)
	return ptr || types.IsInterface(t)
}

// outside reports whether an address (or a map) is reached through a
// variable of the enclosing function, a global, or a pointer loaded from
// one: what the callback's caller can see once it returns.
func outside(addr ssa.Value) bool {
	for {
		switch root := ssax.AddrRoot(addr).(type) {
		case *ssa.FreeVar, *ssa.Global:
			return true
		case *ssa.UnOp:
			if root.Op != token.MUL {
				return false
			}
			addr = root.X
		default:
			return false
		}
	}
}
