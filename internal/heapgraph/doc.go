// Package heapgraph answers, for the SSA of one package, what its code does
// to the heap: which objects it links to which, and which values may denote
// the same object. refcycle's rules ask it for evidence that a reference
// really keeps an object alive, rather than that the types would allow it.
//
// A [Heap] holds three views of the package, each built on first use:
//
//   - the type graph ([Heap.Types], internal/typegraph), told which concrete
//     types the package stores in interface and func fields (dynamic.go);
//   - a reference graph per function (witness.go): its nodes are SSA values
//     and its edges the references the code creates or reads (stores,
//     appends, map updates, sends, captures, loads), plus the effects of
//     calls to the package's own functions as summaries over parameters and
//     results;
//   - a flow-insensitive alias index (alias.go): which values of the package
//     may denote the object a value denotes, through phis, calls (matched at
//     their call sites), closures and stores and loads of the same field,
//     global or variable.
//
// A witness is a chain of links in one function's graph that starts (and,
// for a cycle, ends) at a value that may be the object in question, and
// goes through another object on the way: [Heap.SelfCycle] and
// [Heap.KeepsAlive].
//
// Summaries are computed callees first over the strongly connected
// components of the package's static call graph (ssax.CalleesFirst), each
// component until nothing changes, so the depth of a call chain does not
// limit what a caller sees.
//
// Everything is per package: calls into other packages, through interfaces
// and through func values create no links and carry no identity. The
// approximations are listed in each file; the user-facing list is in
// docs/refcycle.md ("Deliberate approximations"). A Heap is not safe for
// concurrent use.
package heapgraph
