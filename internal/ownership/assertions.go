package ownership

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// Assertion helpers. A test that expects an acquisition to fail checks its
// error with an assertion that stops the test otherwise:
//
//	_, err := websocket.Accept(w, r, nil)
//	assert.Contains(t, err, "protocol violation") // t.Fatalf unless it does
//
// testify's are known by name (resource.AssertionOf); a module's own are
// known by what they do. A function asserts that a parameter is a non-nil
// error when none of its paths on which that parameter is nil returns:
// they call Fatal, panic, or call another such assertion. The summary says
// so (Asserts), and a caller that passes the acquisition's error holds
// nothing on the paths that go on.
//
// The proof is the search's own: the parameter starts as the error of a
// pretend acquisition, and the branches that prove it non-nil end the
// path as "not acquired" (err == nil's else branch, errors.Is, a type
// assertion, err.Error(), which panics on a nil error); a return reached
// on any other path defeats it. One proof needs the caller's help: a nil
// error formats as "<nil>", so strings.Contains(fmt.Sprint(err), sub)
// proves err non-nil only for a sub that "<nil>" does not contain; when
// sub is a parameter, the summary names it (Substrings) and the call site
// must pass such a constant.

// Asserts is what a function asserts about its parameters (receiver
// first), by bit.
type Asserts struct {
	// Errors: parameters that are a non-nil error on every path that
	// returns.
	Errors uint32
	// Substrings: string parameters the proof assumed to be constants
	// that "<nil>" does not contain.
	Substrings uint32
}

// nilText is how fmt formats a nil error (or any nil interface).
const nilText = "<nil>"

// assertsOf returns what the static callee of a call asserts.
func (env *Env) assertsOf(common *ssa.CallCommon) Asserts {
	fn := common.StaticCallee()
	if fn == nil {
		return Asserts{}
	}
	if info := env.local[ssax.Origin(fn)]; info != nil {
		return info.asserts
	}
	obj := ssax.FuncObject(fn)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == env.pass.Pkg {
		return Asserts{}
	}
	return env.imported(obj.Pkg())[ssax.FuncKey(obj)].Asserts
}

// helperAssertsError reports a call to an assertion helper given the
// acquisition's error: the paths that go on acquired nothing.
func (s *search) helperAssertsError(common *ssa.CallCommon, st state) bool {
	a := s.env.assertsOf(common)
	if a.Errors == 0 {
		return false
	}
	for i, arg := range common.Args {
		if i < 32 && a.Substrings&(1<<i) != 0 && !s.notInNilText(arg) {
			return false
		}
	}
	for i, arg := range common.Args {
		if i < 32 && a.Errors&(1<<i) != 0 {
			if e, ok := st.lookup(arg); ok && e.role == roleErr {
				return true
			}
		}
	}
	return false
}

// panicsOnNilError reports a method called through the acquisition's
// error (err.Error()): on the paths where the acquisition succeeded the
// error is a nil interface, and the call panics.
func panicsOnNilError(common *ssa.CallCommon, st state) bool {
	if !common.IsInvoke() {
		return false
	}
	e, ok := st.lookup(common.Value)
	return ok && e.role == roleErr
}

// textProvesError matches strings.Contains(fmt.Sprint(err), sub) on the
// acquisition's error, for a sub that "<nil>" does not contain: where it
// holds, err is not nil.
func (s *search) textProvesError(call *ssa.Call, st state) bool {
	fn := ssax.Callee(&call.Call)
	if fn == nil || ssax.FuncKey(fn) != "strings.Contains" || len(call.Call.Args) != 2 {
		return false
	}
	text, ok := call.Call.Args[0].(*ssa.Call)
	if !ok || !s.formatsError(text, st) {
		return false
	}
	return s.notInNilText(call.Call.Args[1])
}

// notInNilText reports a string that "<nil>" does not contain: a constant,
// or, while proving an assertion, a string parameter (noted in
// s.substrings, for the call sites to check).
func (s *search) notInNilText(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		sub := constant.StringVal(c.Value)
		return sub != "" && !strings.Contains(nilText, sub)
	}
	if p, ok := v.(*ssa.Parameter); ok && s.proving && p.Parent() == s.fn {
		if i := paramIndex(s.fn, p); i >= 0 && i < 32 {
			s.substrings |= 1 << i
			return true
		}
	}
	return false
}

// formatsError matches fmt.Sprint(err) and fmt.Sprintf("%v", err) (or
// "%s") on the acquisition's error: the text is "<nil>" when it is nil.
func (s *search) formatsError(call *ssa.Call, st state) bool {
	fn := ssax.Callee(&call.Call)
	if fn == nil {
		return false
	}
	args := call.Call.Args
	switch ssax.FuncKey(fn) {
	case "fmt.Sprint":
	case "fmt.Sprintf":
		if len(args) != 2 {
			return false
		}
		if f, ok := ssax.StringConst(args[0]); !ok || f != "%v" && f != "%s" {
			return false
		}
		args = args[1:]
	default:
		return false
	}
	if len(args) != 1 {
		return false
	}
	elem, ok := onlyVararg(args[0])
	if !ok {
		return false
	}
	e, ok := st.lookup(elem)
	return ok && e.role == roleErr
}

// onlyVararg returns the single value stored into the variadic slice of a
// call (`fmt.Sprint(err)`: new [1]any, store err into its element 0).
func onlyVararg(v ssa.Value) (ssa.Value, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	if at, ok := arr.Type().Underlying().(*types.Pointer); !ok || !isArrayOfLen(at.Elem(), 1) {
		return nil, false
	}
	var stored ssa.Value
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				if stored != nil {
					return nil, false
				}
				stored = st.Val
			}
		}
	}
	if stored == nil {
		return nil, false
	}
	if x, ok := ssax.Converted(stored); ok {
		return x, true // the MakeInterface into any
	}
	return stored, true
}

func isArrayOfLen(t types.Type, n int64) bool {
	a, ok := t.Underlying().(*types.Array)
	return ok && a.Len() == n
}

func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// assertedErrors proves, for each parameter of fn that can hold an error,
// whether fn asserts it is non-nil. Only functions that can stop (a
// panic, a no-return call, another assertion) are tried.
func (env *Env) assertedErrors(fn *ssa.Function) Asserts {
	var out Asserts
	if len(fn.Params) == 0 || fn.Blocks == nil || !env.canStop(fn) {
		return out
	}
	for i, p := range fn.Params {
		if i >= 32 || !mayBeError(p.Type()) {
			continue
		}
		s := newSearch(env, fn)
		s.proving = true
		s.run(fn.Blocks[0], 0, entry{v: p, role: roleErr})
		if len(s.out.leaks) == 0 && !s.out.truncated && !s.out.handed {
			out.Errors |= 1 << i
			out.Substrings |= s.substrings
		}
	}
	return out
}

// mayBeError: the error interface or an empty interface (assert.Contains
// takes an any).
func mayBeError(t types.Type) bool {
	if ssax.IsErrorType(t) {
		return true
	}
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty()
}

// isTestifyAssertion: a call of one of the assertions resource.AssertionOf
// knows (require.Error).
func isTestifyAssertion(common *ssa.CallCommon) bool {
	fn := ssax.Callee(common)
	return fn != nil && resource.AssertionOf(ssax.FuncKey(fn)) != 0
}

// canStop reports whether fn has a path that does not return: a panic
// (static no-return calls end their block with one), an interface call
// that never returns (t.Fatal on a testing.TB), or an assertion.
func (env *Env) canStop(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Panic:
				return true
			case *ssa.Call:
				if neverReturns(&in.Call) || env.assertsOf(&in.Call).Errors != 0 || isTestifyAssertion(&in.Call) {
					return true
				}
			}
		}
	}
	return false
}
