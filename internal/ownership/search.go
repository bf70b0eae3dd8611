package ownership

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// The search follows one resource through one function: from its
// acquisition (or, for summaries, from the function's entry, where a
// parameter is the resource) along every path to an exit. It is a forward
// dataflow over basic blocks whose facts are the set of values that hold
// the resource; a (block, set) pair is visited once, so the cost is linear
// in the size of the function times the (small, capped) number of distinct
// sets that reach a block — there is no path enumeration.
//
// A path stops being followed where the resource is released, visibly
// handed on (returned, stored beyond the function, sent, captured by a
// goroutine, passed to a function that keeps it), where it was never
// acquired (the error branch), or where the path cannot return (panic,
// no-return calls). A path that reaches an exit still holding it leaks.

// maxStatesPerBlock bounds the distinct states explored at one block. Past
// it the search gives up on that block and counts the path as handed on:
// an unexplored path must never produce a report.
const maxStatesPerBlock = 16

// A leak is an exit reached while still holding the resource.
type leak struct {
	pos  token.Pos
	kind leakKind
	ret  *ssa.Return // leakReturn: the return
}

type leakKind uint8

const (
	leakReturn leakKind = iota // a return statement (or the end of the function)
	leakLoop                   // the loop comes back and acquires again
	leakLost                   // the only reference is overwritten
)

// outcome aggregates what happened on all explored paths.
type outcome struct {
	leaks      []leak
	released   bool // some path released it
	handed     bool // some path handed it on (stored, sent, kept by a callee)
	returnedAs uint32
	returnedIn uint32
	// returnedPart: results that are the family's release field itself
	// (return resp.Body): the caller must close what it got.
	returnedPart uint32
	// returnedReleaser: results that are functions releasing it.
	returnedReleaser uint32
	// arranged: a path handed on a function that releases it (a closure
	// given to t.Cleanup): its release is arranged.
	arranged  bool
	truncated bool
	releases  []releaseAt // where paths released it (for the typestate checks)
	// releasePoints: where paths released it, for a parameter's summary
	// (conditions.go).
	releasePoints []ssa.Instruction
}

// settled reports whether a parameter's summary is already decided: one
// path that hands it on (or that the search gave up on) makes it Keep
// whatever the other paths do, so they need not be explored.
func (o *outcome) settled() bool {
	return o.handed || o.truncated
}

// A search is one resource followed through one function.
type search struct {
	env      *Env
	fn       *ssa.Function
	num      numbering
	fam      *resource.Family // nil for a parameter whose family is unknown
	selfType types.Type
	// assertedTypes: the concrete types the resource, an interface, was
	// asserted to (impl := c.(*conn)).
	assertedTypes []types.Type
	start         ssa.Instruction // the acquisition; nil for a parameter
	isParam       bool

	// ties: calls that release the resource on the library's side;
	// releasedAtExit: one of them was deferred before the acquisition (or
	// the cancel function was handed on).
	ties           *tied
	releasedAtExit bool

	seen [][]uint64 // per block index: the keys of the states visited there
	out  outcome

	owningStores []OwningField // stores into struct fields (fields.go)

	// owned: the state being interpreted is a private copy that set and
	// unset may change in place (copy on first write).
	owned bool

	// proving: the search proves an assertion helper (assertions.go);
	// substrings are the string parameters its proof relied on.
	proving    bool
	substrings uint32
}

// set and unset change the state being interpreted, copying it on the
// first change in a block.
func (s *search) set(st state, e entry) state {
	if !s.owned {
		st, s.owned = slices.Clone(st), true
	}
	return st.with(s.num, e)
}

func (s *search) unset(st state, v ssa.Value) state {
	if _, ok := st.lookup(v); !ok {
		return st
	}
	if !s.owned {
		st, s.owned = slices.Clone(st), true
	}
	return st.without(s.num, v)
}

func newSearch(env *Env, fn *ssa.Function) *search {
	return &search{env: env, fn: fn, num: make(numbering), seen: make([][]uint64, len(fn.Blocks))}
}

// A numbering gives the values one search tracks small numbers, in the
// order the search first tracks them: states are sorted by number, so that
// equal sets compare equal. Numbering lazily keeps the cost to the handful
// of values a resource reaches, not every value of the function.
type numbering map[ssa.Value]int32

func (num numbering) of(v ssa.Value) int32 {
	n, ok := num[v]
	if !ok {
		n = int32(len(num) + 1)
		num[v] = n
	}
	return n
}

type frame struct {
	block *ssa.BasicBlock
	index int
	st    state
	from  *ssa.BasicBlock // the predecessor the path came from, if known
}

// run explores from instruction index `from` of block b with the state
// that holds only start.
func (s *search) run(b *ssa.BasicBlock, from int, start entry) {
	stack := []frame{{b, from, state(nil).with(s.num, start), nil}}
	for len(stack) > 0 {
		if s.isParam && s.out.settled() {
			return
		}
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.index == 0 && !s.enter(f.block, f.st, f.from) {
			continue
		}
		stack = s.block(f, stack)
	}
}

// enter records a visit of block b with state st and reports whether it is
// new.
func (s *search) enter(b *ssa.BasicBlock, st state, from *ssa.BasicBlock) bool {
	k := st.key()
	if constantBranch(b, from) >= 0 {
		// Which branch is feasible depends on the edge taken: the same
		// state from another predecessor is another visit.
		k ^= uint64(predIndex(b, from)+1) * 0x9e3779b97f4a7c15
	}
	visited := s.seen[b.Index]
	if slices.Contains(visited, k) {
		return false
	}
	if len(visited) >= maxStatesPerBlock {
		s.out.truncated = true
		return false
	}
	s.seen[b.Index] = append(visited, k)
	return true
}

// block interprets the instructions of one block from f.index and pushes
// the successors still to explore.
func (s *search) block(f frame, stack []frame) []frame {
	st := f.st
	s.owned = false // st is shared with the frame's other holders until changed
	if s.isParam && s.env.cannotReturn(f.block) {
		// Every path from here panics: the caller, who goes on only where
		// the function returns, never sees what it does with the
		// parameter here (kept for a panic message, or closed).
		return stack
	}
	instrs := f.block.Instrs
	for i := f.index; i < len(instrs); i++ {
		instr := instrs[i]
		if _, ok := instr.(*ssa.Phi); ok {
			continue // assigned on the edge into the block
		}
		if instr == s.start { // only reached again through a loop
			s.loopBack(instr, st)
			return stack
		}
		var stop bool
		st, stop = s.step(instr, st)
		if stop {
			return stack
		}
	}
	ended, how := s.branchEnds(f.block, st)
	infeasible := constantBranch(f.block, f.from)
	for i, succ := range f.block.Succs {
		if i == infeasible {
			continue
		}
		if i == ended {
			switch how {
			case endReleased:
				s.out.released = true
			case endHanded:
				s.out.handed = true
			case endFailed:
				// Nothing to release on that branch. A parameter was
				// acquired by the caller: its error branches are those of
				// a call that released it when it failed (a stream's Recv,
				// pgx's Scan, a conditional releaser).
				s.out.released = s.out.released || s.isParam
			} // endNotAcquired: nothing to release on that branch
			continue
		}
		stack = append(stack, frame{succ, 0, s.edge(f.block, succ, st), f.block})
	}
	return stack
}

// loopBack handles a path that returns to the acquisition: unless the
// resource was put somewhere (a cell, a container, a loop variable), the
// next acquisition overwrites the only reference.
func (s *search) loopBack(instr ssa.Instruction, st state) {
	if s.endsWithContext() {
		s.out.released = true
		return
	}
	if st.onlyDirect() && !s.isParam {
		s.out.leaks = append(s.out.leaks, leak{pos: instr.Pos(), kind: leakLoop})
		return
	}
	s.out.handed = true
}

// endsWithContext: the resource lives as long as its context
// (resource.Family.ContextScoped) and that context's cancel is settled, so
// dropping the last reference to it (a loop that opens a stream per turn
// and keeps none) leaks nothing: the cancel ends every one of them.
func (s *search) endsWithContext() bool {
	return s.releasedAtExit && s.fam != nil && s.fam.ContextScoped && len(s.ties.cancelsOrNil()) > 0
}

func predIndex(b, pred *ssa.BasicBlock) int {
	for i, p := range b.Preds {
		if p == pred {
			return i
		}
	}
	return -1
}

// edge computes the state on entry to succ from pred: φ-nodes of succ take
// the role of their incoming value on this edge (and lose any they had).
func (s *search) edge(pred, succ *ssa.BasicBlock, st state) state {
	idx := -1
	for i, p := range succ.Preds {
		if p == pred {
			idx = i
			break
		}
	}
	if idx < 0 {
		return st
	}
	out := st
	for i, instr := range succ.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if i == 0 {
			out = slices.Clone(st) // st is shared with the other successors
		}
		if e, ok := st.lookup(phi.Edges[idx]); ok {
			e.v = phi
			out = out.with(s.num, e)
		} else {
			out = out.without(s.num, phi)
		}
	}
	return out
}

// constantBranch returns the successor of b's if that cannot be taken when
// b is entered from pred, or -1. It folds comparisons of constants and of
// φ-nodes whose value on that edge is constant: the first test of
// `for i := range 3` or `for i := 0; i < n; i++` with constant n always
// enters the body, so the path that skips it is not a path.
func constantBranch(b, pred *ssa.BasicBlock) int {
	ifInstr, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return -1
	}
	cmp, ok := ifInstr.Cond.(*ssa.BinOp)
	if !ok {
		return -1
	}
	x, okx := constantOn(cmp.X, b, pred)
	y, oky := constantOn(cmp.Y, b, pred)
	if !okx || !oky || x.Kind() == constant.Unknown || y.Kind() == constant.Unknown {
		return -1
	}
	switch cmp.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return -1
	}
	if x.Kind() != y.Kind() && !(isNumeric(x) && isNumeric(y)) {
		return -1
	}
	if constant.Compare(x, cmp.Op, y) {
		return 1 // the condition holds: the else branch is not taken
	}
	return 0
}

func isNumeric(v constant.Value) bool {
	return v.Kind() == constant.Int || v.Kind() == constant.Float
}

// constantOn returns the value of v on entry to b from pred, if constant.
func constantOn(v ssa.Value, b, pred *ssa.BasicBlock) (constant.Value, bool) {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nil, false
		}
		return v.Value, true
	case *ssa.Phi:
		if v.Block() != b || pred == nil {
			return nil, false
		}
		for i, p := range b.Preds {
			if p == pred {
				if c, ok := v.Edges[i].(*ssa.Const); ok && c.Value != nil {
					return c.Value, true
				}
			}
		}
	}
	return nil, false
}

type branchEnd uint8

const (
	endNotAcquired branchEnd = iota // the resource is nil
	endFailed                       // an error says it was not acquired, or was released
	endReleased
	endHanded
)

// branchEnds returns the successor of a block's if on which the path's
// obligation ends, or -1: the branch where the acquisition failed (its error
// is non-nil, or the resource is nil); the branch where a method such as
// rows.Next() reported false and so released it; the branch of a select
// that chose a case sending it.
func (s *search) branchEnds(b *ssa.BasicBlock, st state) (int, branchEnd) {
	ifInstr, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return -1, 0
	}
	if ext, ok := ifInstr.Cond.(*ssa.Extract); ok && ext.Index == 1 {
		// e, ok := err.(*url.Error): on the ok branch err is not nil.
		if ta, ok := ext.Tuple.(*ssa.TypeAssert); ok && ta.CommaOk {
			if e, ok := st.lookup(ta.X); ok && e.role == roleErr {
				return 0, endFailed
			}
		}
	}
	if call, ok := ifInstr.Cond.(*ssa.Call); ok {
		if s.releasedWhenFalse(call, st) {
			return 1, endReleased // Succs[1] is taken when the condition is false
		}
		if s.errorsIs(call, st) {
			return 0, endFailed // errors.Is(err, target): err is not nil
		}
		if s.textProvesError(call, st) {
			return 0, endFailed // strings.Contains(fmt.Sprint(err), "refused")
		}
		if a, e := s.assertion(&call.Call, st); a == resource.ReportsNoError && e.role == roleErr {
			return 1, endFailed // !assert.NoError(t, err): err != nil
		}
	}
	cmp, ok := ifInstr.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return -1, 0
	}
	// Succs[0] is taken when the comparison holds.
	holds, fails := 0, 1
	if cmp.Op == token.NEQ {
		holds, fails = 1, 0
	}
	if s.selectChose(cmp, st) {
		return holds, endHanded
	}
	if s.errIsSentinel(cmp, st) {
		return holds, endFailed // err == io.EOF: err is not nil
	}
	x, y := cmp.X, cmp.Y
	if ssax.IsNil(x) {
		x, y = y, x
	}
	if !ssax.IsNil(y) {
		return -1, 0
	}
	e, ok := st.lookup(x)
	if !ok {
		return -1, 0
	}
	switch e.role {
	case roleErr:
		return fails, endFailed // err != nil
	case roleSelf:
		return holds, endNotAcquired // r == nil
	case roleOkErr:
		return holds, endReleased // the callee released it when err == nil
	case rolePart:
		if s.fam != nil && s.fam.ReleaseField != "" && e.field == s.fam.ReleaseField {
			return holds, endNotAcquired // resp.Body == nil: nothing to close
		}
	}
	return -1, 0
}

func (s *search) releasedWhenFalse(call *ssa.Call, st state) bool {
	if s.fam == nil || len(s.fam.ReleasedWhenFalse) == 0 {
		return false
	}
	recv := ssax.Receiver(&call.Call)
	if recv == nil {
		return false
	}
	e, ok := st.lookup(recv)
	m := ssax.Method(&call.Call)
	onResource := e.role == roleSelf || e.role == rolePart && s.fam.ReleaseField != "" && e.field == s.fam.ReleaseField
	return ok && onResource && m != nil && slices.Contains(s.fam.ReleasedWhenFalse, m.Name())
}

// errIsSentinel matches err == X where X is a package-level error
// variable (a sentinel, never nil): on the branch where they are equal the
// acquisition failed.
func (s *search) errIsSentinel(cmp *ssa.BinOp, st state) bool {
	x, y := cmp.X, cmp.Y
	if _, ok := st.lookup(y); ok {
		x, y = y, x
	}
	e, ok := st.lookup(x)
	if !ok || e.role != roleErr {
		return false
	}
	load, ok := y.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	_, global := load.X.(*ssa.Global)
	return global
}

// errorsIs matches errors.Is(err, target) and errors.As(err, &v) on the
// acquisition's error: true only for a non-nil err.
func (s *search) errorsIs(call *ssa.Call, st state) bool {
	fn := ssax.Callee(&call.Call)
	if fn == nil || len(call.Call.Args) == 0 {
		return false
	}
	switch ssax.FuncKey(fn) {
	case "errors.Is", "errors.As":
		e, ok := st.lookup(call.Call.Args[0])
		return ok && e.role == roleErr
	}
	return false
}

// selectChose matches `index == k` on the result of a select whose case k
// sends the resource.
func (s *search) selectChose(cmp *ssa.BinOp, st state) bool {
	ext, ok := cmp.X.(*ssa.Extract)
	if !ok || ext.Index != 0 {
		return false
	}
	sel, ok := st.lookup(ext.Tuple)
	if !ok || sel.role != roleSelect {
		return false
	}
	k, ok := ssax.IntConst(cmp.Y)
	return ok && k >= 0 && k < 32 && sel.selfMask&(1<<k) != 0
}
