// Package r1 holds the R1 cases: runtime.SetFinalizer on an object that is
// on a reference cycle (reported), and the near-identical shapes that are
// collected normally (not reported).
package r1

import (
	"runtime"
	"weak"
)

// --- conn <-> pool cycle with a finalizer on the conn: reported.

type Conn struct {
	pool *Pool
	fd   int
	buf  []byte
}

type Pool struct {
	conns []*Conn
}

func (c *Conn) finalize() { closeFD(c.fd) }

func (p *Pool) Open() *Conn {
	c := &Conn{pool: p, fd: openFD(), buf: make([]byte, 16<<10)}
	p.conns = append(p.conns, c)
	runtime.SetFinalizer(c, (*Conn).finalize) // want `runtime.SetFinalizer on \*Conn, which is on a reference cycle \(Conn.pool → Pool.conns\[\] → Conn\): the runtime docs say "If a cyclic structure includes a block with a finalizer, that cycle is not guaranteed to be garbage collected and the finalizer is not guaranteed to run"; in practice the cycle and all it holds are never collected and the finalizer never runs; use runtime.AddCleanup with only the underlying handle, make the back-reference a weak.Pointer, or move the finalizer to a leaf object`
	return c
}

// --- the same cycle, but AddCleanup on the fd only: not reported.

type CConn struct {
	pool *CPool
	fd   int
}

type CPool struct {
	conns []*CConn
}

func (p *CPool) Open() *CConn {
	c := &CConn{pool: p, fd: openFD()}
	p.conns = append(p.conns, c)
	runtime.AddCleanup(c, closeFD, c.fd)
	return c
}

// --- the back-reference is a weak.Pointer: no cycle, not reported.

type WConn struct {
	pool weak.Pointer[WPool]
	fd   int
}

type WPool struct {
	conns []*WConn
}

func (c *WConn) finalize() { closeFD(c.fd) }

func (p *WPool) Open() *WConn {
	c := &WConn{pool: weak.Make(p), fd: openFD()}
	p.conns = append(p.conns, c)
	runtime.SetFinalizer(c, (*WConn).finalize)
	return c
}

// --- the cycle with no finalizer at all: collected, not reported.

type NConn struct {
	pool *NPool
}

type NPool struct {
	conns []*NConn
}

func (p *NPool) Open() *NConn {
	c := &NConn{pool: p}
	p.conns = append(p.conns, c)
	return c
}

// --- a self-referential list type with no witness of a cycle: a chain.

type Node struct {
	next *Node
	fd   int
}

func (n *Node) finalize() { closeFD(n.fd) }

func Push(head *Node) *Node {
	n := &Node{next: head, fd: openFD()}
	runtime.SetFinalizer(n, (*Node).finalize)
	return n
}

func Build(k int) *Node {
	var head *Node
	for i := 0; i < k; i++ {
		n := &Node{fd: i}
		n.next = head
		head = n
		runtime.SetFinalizer(n, (*Node).finalize)
	}
	return head
}

// --- a doubly linked node: n.prev = m; m.next = n is a real cycle.

type DNode struct {
	prev, next *DNode
}

func Link(m *DNode) *DNode {
	n := &DNode{prev: m}
	m.next = n
	runtime.SetFinalizer(n, func(*DNode) {}) // want `runtime.SetFinalizer on \*DNode, which is on a reference cycle \(DNode.prev → DNode\)`
	return n
}

// --- the cycle is built by a constructor and a register method: the
// witness goes through the package's call summaries.

type SConn struct {
	owner *SPool
}

type SPool struct {
	all map[*SConn]bool
}

func newSConn(p *SPool) *SConn { return &SConn{owner: p} }

func (p *SPool) register(c *SConn) { p.all[c] = true }

func (p *SPool) Get() *SConn {
	c := newSConn(p)
	p.register(c)
	runtime.SetFinalizer(c, func(*SConn) {}) // want `runtime.SetFinalizer on \*SConn, which is on a reference cycle \(SConn.owner → SPool.all\[key\] → SConn\)`
	return c
}

// --- the cycle goes through an interface field: only the concrete value
// the code stores there makes it a cycle.

type Handler interface{ Handle() }

type IConn struct {
	h Handler
}

type connHandler struct {
	c    *IConn
	name string
}

func (connHandler) Handle() {}

func NewIConn() *IConn {
	c := &IConn{}
	c.h = connHandler{c: c, name: "conn"}
	runtime.SetFinalizer(c, func(*IConn) {}) // want `runtime.SetFinalizer on \*IConn, which is on a reference cycle \(IConn.h → connHandler.c → IConn\)`
	return c
}

// A struct of one pointer is held in the interface's data word itself, not
// in a box: c.h points straight back into c, which the collector ignores.
// Not reported.

type DConn struct {
	h Handler
}

type directHandler struct{ c *DConn }

func (directHandler) Handle() {}

func NewDConn() *DConn {
	c := &DConn{}
	c.h = directHandler{c: c}
	runtime.SetFinalizer(c, func(*DConn) {})
	return c
}

// The same through a pointer stored in the interface.

type PConn struct {
	h Handler
}

type ptrHandler struct{ c *PConn }

func (*ptrHandler) Handle() {}

func NewPConn() *PConn {
	c := &PConn{}
	c.h = &ptrHandler{c: c}
	runtime.SetFinalizer(c, func(*PConn) {}) // want `runtime.SetFinalizer on \*PConn, which is on a reference cycle \(PConn.h → ptrHandler.c → PConn\)`
	return c
}

// An interface field holding values that do not point back: no cycle.

type nopHandler struct{}

func (nopHandler) Handle() {}

type HConn struct {
	h Handler
}

func NewHConn() *HConn {
	c := &HConn{h: nopHandler{}}
	runtime.SetFinalizer(c, func(*HConn) {})
	return c
}

// --- the finalizer function keeps its object alive.

type FConn struct{ fd int }

func (c *FConn) Close() { closeFD(c.fd) }

func NewFConnBound() *FConn {
	c := &FConn{fd: openFD()}
	runtime.SetFinalizer(c, func(*FConn) { c.Close() }) // want `runtime.SetFinalizer on \*FConn: the finalizer's captured variable c is \*FConn itself, and a finalizer's function is a GC root, so \*FConn is never unreachable and the finalizer never runs; use a method expression or a function that uses only its argument`
	return c
}

func (c *FConn) finalize() { c.Close() }

func NewFConnMethodValue() *FConn {
	c := &FConn{fd: openFD()}
	runtime.SetFinalizer(c, c.finalize) // want `runtime.SetFinalizer on \*FConn: the finalizer's receiver \(method value finalize\) is \*FConn itself`
	return c
}

// The finalizer is a method expression: fine.
func NewFConnMethodExpr() *FConn {
	c := &FConn{fd: openFD()}
	runtime.SetFinalizer(c, (*FConn).finalize)
	return c
}

// The finalizer uses its argument: fine.
func NewFConn() *FConn {
	c := &FConn{fd: openFD()}
	runtime.SetFinalizer(c, func(c *FConn) { c.Close() })
	return c
}

// Removing a finalizer is never a problem.
func (c *FConn) Detach() { runtime.SetFinalizer(c, nil) }

// --- an os.File-like leaf type: a finalizer and no cycle.

type file struct {
	fd   int
	name string
}

type File struct{ *file }

func NewFile(fd int, name string) *File {
	f := &File{&file{fd: fd, name: name}}
	runtime.SetFinalizer(f.file, (*file).close)
	return f
}

func (f *file) close() error { closeFD(f.fd); return nil }

// --- suppressed.

type XConn struct{ peer *XPeer }

type XPeer struct{ conn *XConn }

func NewXConn() *XConn {
	c := &XConn{}
	c.peer = &XPeer{conn: c}
	//connlint:ignore the back-reference is cleared by Close before the finalizer matters
	runtime.SetFinalizer(c, func(*XConn) {})
	return c
}

func openFD() int { return 3 }
func closeFD(int) {}
