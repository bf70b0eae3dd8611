// Package connpool is a connection pool that cannot leak: connlint's runtime
// companion.
//
// A Pool is generic over the user's connection type, which only has to
// implement Conn (Close() error). Get (or TryGet, which fails with
// ErrExhausted instead of waiting) checks a connection out as a Lease, which
// ends with Recycle (back to the pool), Discard (close it) or Hijack (take
// it out of the pool for good). Reserve checks one out as a Reserved, pinned
// to a session (MySQL GET_LOCK, temporary tables), which ends with Release
// (reset and back to the pool, or closed if it cannot be reset), Discard or
// Hijack. SetMaxConns and SetMinIdle resize a running pool.
//
// Get, TryGet and Reserve carry the //connlint:acquire directive and the
// release methods //connlint:release, so connlint checks that every
// checkout is released on every path. Recycle, Discard and Release are
// marked //connlint:release idempotent, since releasing again through them
// is a no-op; Hijack is not, since it panics on a released handle.
//
// # What cannot leak
//
// Connections: every slot is either idle, out through exactly one live
// handle, or being closed, and Close accounts for all of them. Memory: the
// idle stack clears a slot's link when the slot leaves it, and a closed
// slot's connection and links are zeroed, so neither a long-held reservation
// nor a stale handle can keep a closed connection reachable
// (vitessio/vitess#17808 was the first of these). Goroutines: the only one
// the pool starts, the health worker, exits in Close.
//
// # Releasing twice, and using after release
//
// Recycling, discarding or releasing a handle that was already released is
// a no-op: `defer l.Recycle()` after an explicit Discard or Hijack is fine,
// and no handle can be recycled into the pool twice. Conn or Hijack on a
// released handle panics with a message naming the mistake. Handles are reused (a slot cycles through 4
// of each kind) so that Get does not allocate; a stale handle is recognised
// until its connection has been checked out 4 more times, after which it
// aliases the current holder's. connlint reports such code statically.
//
// # Tests
//
// With Config.TrackLeaks, each checkout records its stack, and
// VerifyNone(t, pool) fails a test with those stacks for anything still out.
package connpool
