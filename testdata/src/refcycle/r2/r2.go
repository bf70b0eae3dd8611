// Package r2 holds the R2 cases: runtime.AddCleanup whose function or
// argument reaches the object it is attached to (reported), and the
// correct twins (not reported).
package r2

import "runtime"

type FD struct{ n int }

func (fd *FD) Close() {}

type Conn struct {
	pool *Pool
	fd   int
	file *FD
	buf  []byte
}

func (c *Conn) closeFD(int) {}

type Pool struct {
	conns []*Conn
}

func (p *Pool) add(c *Conn) {
	c.pool = p
	p.conns = append(p.conns, c)
}

func closeFD(fd int)            {}
func closeConn(c *Conn)         {}
func closeFile(f *FD)           { f.Close() }
func dropPool(p *Pool)          {}
func closeBoth(c *Conn, fd int) {}

// --- the forms the runtime panics on.

func ArgIsPtr(c *Conn) {
	runtime.AddCleanup(c, closeConn, c) // want `runtime.AddCleanup on \*Conn with \*Conn itself as arg: the cleanup could never run, and the runtime panics \("ptr is equal to arg"\); pass only the underlying handle \(e.g. the file descriptor\) as arg, and a function that uses only arg`
}

func ArgPointsInto(c *Conn) {
	runtime.AddCleanup(c, func(p *int) { closeFD(*p) }, &c.fd) // want `runtime.AddCleanup on \*Conn with an arg that points into \*Conn: the cleanup could never run, and the runtime panics \("ptr is within arg"\)`
}

func BoundMethod(c *Conn) {
	runtime.AddCleanup(c, c.closeFD, c.fd) // want `runtime.AddCleanup on \*Conn: the cleanup's receiver \(method value closeFD\) is \*Conn, so the cleanup could never run, and the runtime panics \("cleanup function closes over ptr"\)`
}

func ClosureCaptures(c *Conn) {
	runtime.AddCleanup(c, func(fd int) { closeBoth(c, fd) }, c.fd) // want `runtime.AddCleanup on \*Conn: the cleanup's captured variable c is \*Conn, so the cleanup could never run, and the runtime panics \("cleanup function closes over ptr"\)`
}

// --- the silent forms: the cleanup never runs.

// The arg is the pool, and the pool holds its conns (p.conns = append(p.conns, c) in add).
func ArgReaches(p *Pool, c *Conn) {
	p.add(c)
	runtime.AddCleanup(c, dropPool, c.pool) // want `runtime.AddCleanup on \*Conn: its arg reaches \*Conn \(Pool.conns\[\] → Conn\), and the runtime keeps arg alive until the cleanup runs, so \*Conn is never unreachable and the cleanup silently never runs`
}

// A capture reaches the object: the closure holds the pool.
func CaptureReaches(p *Pool, c *Conn) {
	p.add(c)
	runtime.AddCleanup(c, func(fd int) { dropPool(p); closeFD(fd) }, c.fd) // want `runtime.AddCleanup on \*Conn: the cleanup's captured variable p reaches \*Conn \(Pool.conns\[\] → Conn\)`
}

// --- the correct twins.

// Only the descriptor: fine.
func FDOnly(c *Conn) {
	runtime.AddCleanup(c, closeFD, c.fd)
}

// A separate handle object that does not point back: fine.
func HandleOnly(c *Conn) {
	runtime.AddCleanup(c, closeFile, c.file)
}

// A method expression takes the handle as its argument: fine.
func MethodExpr(c *Conn) {
	runtime.AddCleanup(c, (*FD).Close, c.file)
}

// A closure capturing only values unrelated to the object: fine.
func ClosureUnrelated(c *Conn, name string) {
	runtime.AddCleanup(c, func(fd int) { println(name); closeFD(fd) }, c.fd)
}

// A chain: the next node is another node, and nothing links a node back to
// itself, so the arg does not reach the object.
type Node struct {
	next *Node
	fd   int
}

func Push(head *Node) *Node {
	n := &Node{next: head}
	runtime.AddCleanup(n, func(*Node) {}, n.next)
	return n
}

// The arg is a pool, and pools hold conns (add), but this conn is never
// added to it: the arg does not reach the object.
func ArgUnrelatedPool(c *Conn, spare *Pool) {
	runtime.AddCleanup(c, dropPool, spare)
}

// The same with the conn added to the pool first: reported.
func ArgPoolAfterAdd(c *Conn, p *Pool) {
	p.add(c)
	runtime.AddCleanup(c, dropPool, p) // want `runtime.AddCleanup on \*Conn: its arg reaches \*Conn \(Pool.conns\[\] → Conn\)`
}
