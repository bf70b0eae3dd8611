package r2

import "runtime"

// --- R2 through indirection: a func-valued variable holding an instance
// of runtime.AddCleanup, and a generic helper that passes its arguments
// on. Each reported case sits next to its twin, whose arg is only the
// descriptor.

// addPoolCleanup and addFDCleanup are seams.
var (
	addPoolCleanup = runtime.AddCleanup[Conn, *Pool]
	addFDCleanup   = runtime.AddCleanup[Conn, int]
)

func SeamArgReaches(p *Pool, c *Conn) {
	p.add(c)
	addPoolCleanup(c, dropPool, c.pool) // want `runtime.AddCleanup on \*Conn: its arg reaches \*Conn \(Pool.conns\[\] → Conn\), and the runtime keeps arg alive until the cleanup runs, so \*Conn is never unreachable and the cleanup silently never runs`
}

func SeamFDOnly(p *Pool, c *Conn) {
	p.add(c)
	addFDCleanup(c, closeFD, c.fd)
}

// cleanupWith wraps runtime.AddCleanup for any object.
func cleanupWith[T, S any](ptr *T, cleanup func(S), arg S) runtime.Cleanup {
	return runtime.AddCleanup(ptr, cleanup, arg)
}

func HelperArgReaches(p *Pool, c *Conn) {
	p.add(c)
	cleanupWith(c, dropPool, c.pool) // want `runtime.AddCleanup on \*Conn: its arg reaches \*Conn \(Pool.conns\[\] → Conn\)`
}

func HelperFDOnly(p *Pool, c *Conn) {
	p.add(c)
	cleanupWith(c, closeFD, c.fd)
}
