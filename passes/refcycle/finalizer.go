package refcycle

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/heapgraph"
	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// R1: a finalizer on a cycle, or one that keeps its object alive.
//
// The runtime treats a finalizer's function, and a cleanup's function and
// argument, as roots. Anything they reach stays alive; if that includes the
// object the finalizer or cleanup is attached to, the object is never
// unreachable. A finalizer also marks everything its object reaches (but
// not the object itself) so that the object's referents survive for the
// finalizer to use; if the object reaches itself through a cycle, it is
// marked anyway and never finalized.

const runtimeCycleQuote = `the runtime docs say "If a cyclic structure includes a block with a finalizer, that cycle is not guaranteed to be garbage collected and the finalizer is not guaranteed to run"`

func (c *checker) finalizers() {
	for _, call := range c.heap.CallsTo("runtime.SetFinalizer") {
		c.setFinalizer(call)
	}
}

// setFinalizer checks runtime.SetFinalizer(x, f) (R1).
func (c *checker) setFinalizer(call heapgraph.Call) {
	fn, args := call.Fn, call.Args
	if len(args) != 2 || ssax.IsNil(ssax.Canon(args[1])) {
		return // SetFinalizer(x, nil) removes a finalizer
	}
	x := ssax.Canon(args[0])
	ptr, ok := x.Type().Underlying().(*types.Pointer)
	if !ok {
		return // an interface whose dynamic type the code does not show
	}
	obj := ptr.Elem()
	name := typegraph.Name(x.Type())

	// The finalizer function itself keeps x alive.
	if mc, ok := ssax.Canon(args[1]).(*ssa.MakeClosure); ok {
		for i, b := range mc.Bindings {
			if ev := c.heap.KeepsAlive(fn, b, x); ev.Keep != heapgraph.NotShown {
				c.reportCall(ruleFinalizer, call, ev.Links,
					"runtime.SetFinalizer on %s: the finalizer's %s %s, and a finalizer's function is a GC root, so %s is never unreachable and the finalizer never runs; use a method expression or a function that uses only its argument",
					name, capture(mc, i), says(ev, name), name)
				return
			}
		}
	}

	// x's type is on a cycle, and the code shows that x itself is: a
	// value that may be x (alias.go) reaches itself. A cycle on some other
	// instance of the type (a test that links a different object to
	// itself) says nothing about x.
	path := c.heap.Types().Path(obj, obj)
	if path == nil {
		return
	}
	w, n := c.heap.SelfCycle(x)
	if w == nil {
		return // a chain (such as a list), or a cycle on other instances
	}
	if n.Parent() != fn {
		// Show where the finalized object meets the cycle.
		w = append([]heapgraph.Link{{To: n, Pos: n.Pos(), What: "the finalized " + name + " is this value"}}, w...)
	}
	c.reportCall(ruleFinalizer, call, w,
		"runtime.SetFinalizer on %s, which is on a reference cycle (%s): %s; in practice the cycle and all it holds are never collected and the finalizer never runs; use runtime.AddCleanup with only the underlying handle, make the back-reference a weak.Pointer, or move the finalizer to a leaf object",
		name, path, runtimeCycleQuote)
}
