package ssax_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/ssax/ssaxtest"
)

const sccSrc = `package p

func top()  { mid(); leaf(); func() { leaf() }() }
func mid()  { even(2) }
func even(n int) bool { if n == 0 { return true }; return odd(n - 1) }
func odd(n int) bool  { if n == 0 { return false }; return even(n - 1) }
func leaf() {}
func self(n int) { if n > 0 { self(n - 1) } }
func gen[T any](x T) T { return id(x) }
func id[T any](x T) T { return x }
func useGen() { gen(1) }
`

// buildSCCs returns the components of the package's functions (in source
// order, closures after their parent, like buildssa's SrcFuncs), callees
// first, as names.
func buildSCCs(t *testing.T) ([]string, map[string]*ssa.Function) {
	pkg := ssaxtest.Build(t, sccSrc)
	var funcs []*ssa.Function
	byName := make(map[string]*ssa.Function)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		byName[fn.Name()] = fn
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	var decls []*ssa.Function // in source order
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok && fn.Synthetic == "" {
			decls = append(decls, fn)
		}
	}
	slices.SortFunc(decls, func(a, b *ssa.Function) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, fn := range decls {
		add(fn)
	}
	var order []string
	for _, scc := range ssax.CalleesFirst(funcs) {
		var names []string
		for _, fn := range scc {
			names = append(names, fn.Name())
		}
		order = append(order, strings.Join(names, "+"))
	}
	return order, byName
}

// TestCalleesFirst checks that every function comes after the components
// of its callees (a closure counts as a callee of its maker, an instance
// of a generic function as its origin), and that mutual recursion forms
// one component.
func TestCalleesFirst(t *testing.T) {
	order, _ := buildSCCs(t)
	pos := make(map[string]int)
	for i, c := range order {
		for _, n := range strings.Split(c, "+") {
			pos[n] = i
		}
	}
	if pos["even"] != pos["odd"] {
		t.Errorf("even and odd call each other, want one component: %v", order)
	}
	for _, e := range [][2]string{
		{"top", "mid"}, {"top", "leaf"}, {"top", "top$1"}, {"top$1", "leaf"},
		{"mid", "even"}, {"gen", "id"}, {"useGen", "gen"},
	} {
		if pos[e[0]] <= pos[e[1]] {
			t.Errorf("%s calls %s, want it after: %v", e[0], e[1], order)
		}
	}
	if len(order) != 9 {
		t.Errorf("want 9 components (10 functions, even+odd one), got %d: %v", len(order), order)
	}
}

func TestCallsItself(t *testing.T) {
	_, fn := buildSCCs(t)
	for name, want := range map[string]bool{"self": true, "even": false, "top": false} {
		if got := ssax.CallsItself(fn[name]); got != want {
			t.Errorf("CallsItself(%s) = %v, want %v", name, got, want)
		}
	}
}
