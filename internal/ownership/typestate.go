package ownership

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

// The typestate checks follow a resource past its release: using it after
// giving it back shares a socket with the next borrower (results and
// transactions cross between sessions), and releasing a pool handle twice
// corrupts the pool.

// A Misuse is a use after release, or a second release.
type Misuse struct {
	Pos     token.Pos // the use or the second release
	Release token.Pos // the first release
	Double  bool      // a second release, not a use
	// Deferred: the first release is a defer, so the second release
	// happens first and the deferred one runs again at exit.
	Deferred bool
	Method   string // the method used or released with, if any
	Family   resource.Family
}

// allMisuses checks every release the search found, one report per use.
func (s *search) allMisuses() []Misuse {
	if s.fam.Inferred {
		return nil
	}
	var out []Misuse
	seen := map[token.Pos]bool{}
	for _, rel := range s.out.releases {
		for _, m := range s.misuses(rel) {
			if !seen[m.Pos] {
				seen[m.Pos] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// releaseAt is a release found by the leak search, with the values that
// referred to the resource there.
type releaseAt struct {
	instr    ssa.CallInstruction
	st       state
	deferred bool
}

// misuses scans forward from a release, along every path that leaves it
// (a may-analysis: the values that refer to the resource only grow), for
// uses and second releases. The scan stops where the acquisition runs again.
func (s *search) misuses(rel releaseAt) []Misuse {
	st := slices.Clone(rel.st)
	var out []Misuse
	report := func(pos token.Pos, double bool, method string) {
		out = append(out, Misuse{Pos: pos, Release: rel.instr.Pos(), Double: double, Deferred: rel.deferred, Method: method, Family: *s.fam})
	}
	seen := map[*ssa.BasicBlock]bool{}
	type work struct {
		b    *ssa.BasicBlock
		from int
	}
	b := rel.instr.Block()
	queue := []work{{b, indexOf(b, rel.instr) + 1}}
	s.owned = true
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		stop := false
		for _, instr := range w.b.Instrs[w.from:] {
			if instr == s.start {
				stop = true
				break
			}
			if c, ok := instr.(*ssa.Call); ok && neverReturns(&c.Call) {
				stop = true // dbt.Fatal(err) through an embedded testing.TB
				break
			}
			if v, ok := instr.(ssa.Value); ok {
				if e, ok := s.derive(v, st); ok {
					e.v = v
					st = st.with(s.num, e)
				}
			}
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				st = s.forgetReassigned(mc, st)
			}
			if store, ok := instr.(*ssa.Store); ok {
				// `c, err = db.Conn(ctx)` after c.Close(): the variable
				// holds another resource from here on.
				if _, tracked := st.lookup(store.Val); !tracked {
					if _, isCell := store.Addr.(*ssa.Alloc); isCell {
						st = st.without(s.num, store.Addr)
					}
				}
			}
			pos, double, method, bad := s.misuse(instr, st, rel)
			if bad {
				report(pos, double, method)
			}
			if call, ok := instr.(*ssa.Call); ok && double && rel.deferred && pos.IsValid() {
				// A direct release after a deferred one: from here on
				// the resource is released now, not at exit.
				out = append(out, s.misuses(releaseAt{call, st, false})...)
				stop = true
				break
			}
		}
		if stop {
			continue
		}
		for _, succ := range w.b.Succs {
			if !seen[succ] {
				seen[succ] = true
				for i, p := range succ.Preds {
					if p == w.b {
						st = phisFrom(s, succ, i, st)
					}
				}
				queue = append(queue, work{succ, 0})
			}
		}
	}
	return out
}

// forgetReassigned: a closure that assigns a variable holding the released
// resource (`setup(func() { stmt, err = db.Prepare(q) })`, called before the
// next use) may leave a new value in it; what is loaded from the variable
// from then on is not known to be the released resource.
func (s *search) forgetReassigned(mc *ssa.MakeClosure, st state) state {
	fn, _ := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if e, ok := st.lookup(b); ok && e.role == roleContainer && fn != nil && ssax.AssignsFreeVar(fn, i) {
			st = st.without(s.num, b)
		}
	}
	return st
}

// misuse decides whether one instruction uses the released resource or
// releases it again.
func (s *search) misuse(instr ssa.Instruction, st state, rel releaseAt) (token.Pos, bool, string, bool) {
	afterDefer := rel.deferred
	switch in := instr.(type) {
	case ssa.CallInstruction:
		common := in.Common()
		recv := ssax.Receiver(common)
		if e, ok := st.lookup(recv); ok && recv != nil && (e.role == roleSelf || e.role == rolePart) {
			m := ssax.Method(common)
			if m == nil {
				return 0, false, "", false
			}
			if s.releases(m.Name(), e, recv) {
				// The release that runs second must be harmless: after a
				// deferred one, that is the deferred call (defer
				// l.Recycle() then l.Hijack(): Recycle runs last).
				second := m.Name()
				if dm := ssax.Method(rel.instr.Common()); afterDefer && dm != nil {
					second = dm.Name()
				}
				return in.Pos(), true, second, !s.fam.SafeAfterRelease(second)
			}
			if s.fam.ReleaseField != "" && (e.role != rolePart || e.field != s.fam.ReleaseField) {
				// Closing resp.Body releases the connection, not the
				// Response: its header, cookies and status stay valid.
				return 0, false, "", false
			}
			if afterDefer || s.fam.SafeAfterRelease(m.Name()) || s.env.pass.ImportObjectFact(m.Origin(), new(AfterReleaseFact)) {
				return 0, false, "", false
			}
			if _, isCall := in.(*ssa.Call); isCall && e.role == roleSelf {
				return in.Pos(), false, m.Name(), true
			}
			return 0, false, "", false
		}
		params, _, known := s.env.calleeSummary(common)
		for i, a := range common.Args {
			if e, ok := st.lookup(a); ok && known && (e.role == roleSelf || e.role == rolePart) {
				if p, _ := paramAt(params, i); p.Effect == Release {
					return in.Pos(), true, "", !s.fam.ReleaseTwiceSafe
				}
			}
		}
	case *ssa.UnOp:
		// Reading a field of the resource (not through an embedded field,
		// and not of a family whose fields are plain data, like
		// http.Response's).
		if in.Op != token.MUL || afterDefer || s.fam.ReleaseField != "" {
			return 0, false, "", false
		}
		if fa, ok := in.X.(*ssa.FieldAddr); ok {
			if e, ok := st.lookup(fa.X); ok && e.role == roleSelf {
				if f := ssax.Field(fa.X.Type(), fa.Field); f != nil && !f.Embedded() {
					return in.Pos(), false, "", true
				}
			}
		}
	}
	return 0, false, "", false
}

// releases reports whether calling m on the tracked value releases the
// resource.
func (s *search) releases(m string, e entry, recv ssa.Value) bool {
	switch e.role {
	case roleSelf:
		return s.fam.ReleaseField == "" && s.fam.IsRelease(m, false)
	case rolePart:
		return e.field == s.fam.ReleaseField && s.fam.IsRelease(m, true)
	}
	return false
}

func phisFrom(s *search, succ *ssa.BasicBlock, pred int, st state) state {
	for _, instr := range succ.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if e, ok := st.lookup(phi.Edges[pred]); ok {
			e.v = phi
			st = st.with(s.num, e)
		}
	}
	return st
}

func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return len(b.Instrs)
}
