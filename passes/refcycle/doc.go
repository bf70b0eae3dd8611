// Package refcycle defines an Analyzer that reports references which keep
// connection memory alive under Go's tracing garbage collector.
//
// # Analyzer refcycle
//
// refcycle: report references that keep memory alive: finalizers on cycles, cleanups that reach their object, unlinked nodes that keep their link, discarded context.AfterFunc stops
//
// Go's collector traces from roots, so a plain reference cycle is collected
// like any other garbage and is never reported. refcycle reports only the
// shapes where something really keeps memory reachable:
//
// R1, finalizer on a cycle: runtime.SetFinalizer(x, f) where x's type can
// reach itself through its fields and the package shows that x itself does,
// through another object (c.pool = p together with p.conns =
// append(p.conns, c), on the finalized c or a value it flows to through
// the package's calls, closures and fields), or where f captures or is
// bound to x. A cycle holding a finalizer is never collected and the
// finalizer never runs. A self-referential list type with no such witness
// is a chain, not a cycle, and is not reported; neither is a cycle on
// another instance of the type, nor a pointer from x into itself (x.self =
// x), which the collector ignores.
//
// R2, cleanup reaches its object: runtime.AddCleanup(ptr, fn, arg) where
// arg is ptr or points into it, fn is a method value bound to ptr or a
// closure capturing it (the runtime panics on these), or arg or a capture
// of fn can reach ptr (the cleanup silently never runs).
//
// R1 and R2 also check calls through a func-valued variable or field where
// the package stores runtime.SetFinalizer or runtime.AddCleanup (a seam for
// tests), and calls of a helper that passes its arguments on to them and
// takes the object as an interface or through a type parameter.
//
// R3, unlinked node keeps its link: a function takes n from a container
// (n := s.head, or the old value of a Load or CompareAndSwap), moves the
// head to n.next, and lets n escape on a path where n.next is not cleared:
// every node below n stays reachable for as long as n lives. This is the
// Vitess v19 connStack.Pop bug (vitessio/vitess#17808). The slice form pops
// x := s.f[len(s.f)-1]; s.f = s.f[:len(s.f)-1] without clearing the vacated
// slot of a slice whose elements hold pointers.
//
// R4, registry without removal (opt-in, -refcycle.registry): a map or slice
// field of another type receives *C values, but no removal from that field
// is reachable from C's release methods (marked //connlint:release, or named
// Close, Release, Recycle or Discard).
//
// R5, discarded context.AfterFunc stop: the stop function is dropped while
// the callback captures pointers, so the callback and all it captures live
// until the (often server-lifetime) context is cancelled.
//
// A //connlint:ignore REASON comment on the reported line or the line above
// suppresses a report. Generated files are not reported on.
// See https://github.com/connlint/connlint/blob/main/docs/refcycle.md.
package refcycle
