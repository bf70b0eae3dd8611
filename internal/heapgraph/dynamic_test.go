package heapgraph

import (
	"fmt"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax/ssaxtest"
)

// TestConcreteTypesBounded: a value merged by a loop around a large switch
// whose cases mostly keep it reaches the loop's φ-node along one path per
// case, at every depth. The walk must visit each value a bounded number of
// times (at most once per depth), not once per path: the path count here
// is 40^3 at depth 6, the values a few dozen.
func TestConcreteTypesBounded(t *testing.T) {
	var cases strings.Builder
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&cases, "\t\t\tcase %d:\n\t\t\t\tn++\n", i)
	}
	src := `package p

type node struct{ v any }

type a struct{ x int }

func fill(nd *node, xs []int) int {
	var v any
	n := 0
	for range xs {
		for _, x := range xs {
			switch x {
			case 0:
				v = a{x}
` + cases.String() + `			}
		}
	}
	nd.v = v
	return n
}
`
	pkg := ssaxtest.Build(t, src)
	fill := pkg.Func("fill")
	var stored ssa.Value
	for _, b := range fill.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fa.X == fill.Params[0] {
					stored = st.Val
				}
			}
		}
	}
	if stored == nil {
		t.Fatal("no store into nd.v")
	}
	values := 0
	for _, b := range fill.Blocks {
		for _, instr := range b.Instrs {
			if _, ok := instr.(ssa.Value); ok {
				values++
			}
		}
	}
	w := dynamicWalk{steps: make(map[ssa.Value]int), seen: make(map[types.Type]bool)}
	w.visit(stored, 0)
	if len(w.out) != 1 || types.TypeString(w.out[0], nil) != "p.a" {
		t.Errorf("concrete types = %v, want [p.a]", w.out)
	}
	// Each value is entered at most once per depth, and each entry visits
	// its operands: a bound linear in the function's size.
	edges := 0
	for _, b := range fill.Blocks {
		edges += len(b.Preds)
	}
	if limit := (maxDynamicDepth + 1) * (values + edges); w.calls > limit {
		t.Errorf("the walk made %d visits, over the bound %d (%d values, %d edges)", w.calls, limit, values, edges)
	}
}
