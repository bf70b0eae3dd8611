package ssax

import (
	"go/types"
	"testing"

	"github.com/connlint/connlint/internal/ssax/ssaxtest"
)

func TestReaches(t *testing.T) {
	const src = `package p

type Handle struct{ fd int }
type list struct {
	next *list
	buf  []byte
	m    map[string][2]int
}
type holder struct {
	name string
	h    *Handle
}
type boxed struct{ v any }
type fn struct{ f func() }
type pair struct{ l *list; ch chan *holder }
`
	pkg := ssaxtest.Check(t, src)
	handle := pkg.Scope().Lookup("Handle").Type()
	decide := func(t types.Type) (bool, bool) {
		if types.Identical(t, handle) {
			return true, true
		}
		return false, false
	}
	memo := make(map[types.Type]bool)
	for name, want := range map[string]bool{
		"Handle": true,
		"list":   false, // a cycle, slices and maps of basic types
		"holder": true,  // through a pointer field
		"boxed":  true,  // an interface may hold anything
		"fn":     true,  // a closure may capture anything
		"pair":   true,  // through a channel of pointers
	} {
		typ := types.NewPointer(pkg.Scope().Lookup(name).Type())
		if got := Reaches(typ, decide, memo); got != want {
			t.Errorf("Reaches(%s) = %v, want %v", typ, got, want)
		}
	}
	if r, ok := memo[pkg.Scope().Lookup("list").Type()]; !ok || r {
		t.Errorf("memo[list] = %v, %v; want false, true (visited by a false answer)", r, ok)
	}
}
