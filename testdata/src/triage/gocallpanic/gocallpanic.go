// Package gocallpanic crashed refcycle before 5d70161 (found by scripts/sweep.sh in
// go-redis v9.23.0, csc_integration.go): a go (or defer) statement calling a
// function whose summary links its result to a parameter. The statement
// has no value: ssa.CallInstruction.Value returns a nil *ssa.Call, which
// heapGraph.call (passes/refcycle/witness.go) stores in an ssa.Value
// interface; the interface is not nil, so result() calls Type on the nil
// *ssa.Call and the process dies with a nil dereference.
//
// Expected: no crash; the one true report (R2) below stays.
package gocallpanic

import "runtime"

// handle's type can reach T, so refcycle builds the package's heap graph
// to look for a path from the cleanup's arg back to its object.
type handle struct {
	fd    int
	owner *T
}

type T struct{ h *handle }

// wrap returns a handle that refers to t: its summary links result 0 to
// parameter 0.
func wrap(t *T) *handle { return &handle{owner: t} }

func start(t *T) {
	go wrap(t)    // the crash
	defer wrap(t) // the same through defer
}

func newT() *T {
	t := &T{}
	t.h = wrap(t)
	runtime.AddCleanup(t, func(h *handle) { _ = h.fd }, t.h) // want `runtime.AddCleanup on \*T: its arg`
	return t
}
