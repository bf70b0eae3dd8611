package refcycle

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/heapgraph"
	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// R2: a cleanup that reaches its object.
//
// The runtime keeps a cleanup's function and argument alive until the
// cleanup runs. If they reach ptr, ptr never becomes unreachable. The
// runtime panics on the direct forms (arg is ptr or points into it, the
// function closes over ptr); the rule reports those and the silent ones,
// where arg or a capture reaches ptr through other objects.

func (c *checker) cleanups() {
	for _, call := range c.heap.CallsTo("runtime.AddCleanup") {
		c.addCleanup(call)
	}
}

// addCleanup checks runtime.AddCleanup(ptr, cleanup, arg) (R2).
func (c *checker) addCleanup(call heapgraph.Call) {
	fn, args := call.Fn, call.Args
	if len(args) != 3 {
		return
	}
	p := ssax.Canon(args[0])
	if _, ok := p.Type().Underlying().(*types.Pointer); !ok {
		return
	}
	name := typegraph.Name(p.Type())
	const fix = "pass only the underlying handle (e.g. the file descriptor) as arg, and a function that uses only arg"

	// The forms the runtime catches with a panic.
	arg := ssax.Canon(args[2])
	switch {
	case arg == p:
		c.reportCall(ruleCleanup, call, nil,
			"runtime.AddCleanup on %s with %s itself as arg: the cleanup could never run, and the runtime panics (\"ptr is equal to arg\"); %s", name, name, fix)
		return
	case heapgraph.PointsInto(arg, p):
		c.reportCall(ruleCleanup, call, nil,
			"runtime.AddCleanup on %s with an arg that points into %s: the cleanup could never run, and the runtime panics (\"ptr is within arg\"); %s", name, name, fix)
		return
	}
	mc, _ := ssax.Canon(args[1]).(*ssa.MakeClosure)
	if mc != nil {
		for i, b := range mc.Bindings {
			if cb := heapgraph.Captured(b); cb == p || heapgraph.PointsInto(cb, p) {
				c.reportCall(ruleCleanup, call, nil,
					"runtime.AddCleanup on %s: the cleanup's %s is %s, so the cleanup could never run, and the runtime panics (\"cleanup function closes over ptr\"); %s",
					name, capture(mc, i), name, fix)
				return
			}
		}
	}

	// The silent forms: something the runtime keeps alive reaches ptr.
	if ev := c.heap.KeepsAlive(fn, args[2], p); ev.Keep != heapgraph.NotShown {
		c.reportCall(ruleCleanup, call, ev.Links,
			"runtime.AddCleanup on %s: its arg %s, and the runtime keeps arg alive until the cleanup runs, so %s is never unreachable and the cleanup silently never runs; %s",
			name, says(ev, name), name, fix)
		return
	}
	if mc != nil {
		for i, b := range mc.Bindings {
			if ev := c.heap.KeepsAlive(fn, b, p); ev.Keep != heapgraph.NotShown {
				c.reportCall(ruleCleanup, call, ev.Links,
					"runtime.AddCleanup on %s: the cleanup's %s %s, and the runtime keeps the cleanup function alive until it runs, so %s is never unreachable and the cleanup silently never runs; %s",
					name, capture(mc, i), says(ev, name), name, fix)
				return
			}
		}
	}
}
