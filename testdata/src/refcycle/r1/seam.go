package r1

import "runtime"

// --- R1 through indirection: a func-valued variable or field holding
// runtime.SetFinalizer (a seam tests replace to count finalizers), and a
// helper that passes its arguments on. Each reported case sits next to its
// twin, whose conn does not point back at its pool, or whose seam holds a
// fake.

type SeamConn struct {
	pool *SeamPool
	fd   int
}

type SeamPool struct {
	conns        []*SeamConn
	setFinalizer func(obj, finalizer any)
}

func finalizeSeamConn(c *SeamConn) { closeFD(c.fd) }

// setFinalizer is the seam.
var setFinalizer = runtime.SetFinalizer

func (p *SeamPool) OpenVar() *SeamConn {
	c := &SeamConn{pool: p}
	p.conns = append(p.conns, c)
	setFinalizer(c, finalizeSeamConn) // want `runtime.SetFinalizer on \*SeamConn, which is on a reference cycle \(SeamConn.pool → SeamPool.conns\[\] → SeamConn\)`
	return c
}

func (p *SeamPool) OpenVarUnlinked() *SeamConn {
	c := &SeamConn{}
	p.conns = append(p.conns, c)
	setFinalizer(c, finalizeSeamConn)
	return c
}

// countFinalizer holds a fake only: no finalizer is set.
var countFinalizer = func(obj, finalizer any) {}

func (p *SeamPool) OpenFake() *SeamConn {
	c := &SeamConn{pool: p}
	p.conns = append(p.conns, c)
	countFinalizer(c, finalizeSeamConn)
	return c
}

// The pool's field is the seam.
func NewSeamPool() *SeamPool { return &SeamPool{setFinalizer: runtime.SetFinalizer} }

func (p *SeamPool) OpenField() *SeamConn {
	c := &SeamConn{pool: p}
	p.conns = append(p.conns, c)
	p.setFinalizer(c, finalizeSeamConn) // want `runtime.SetFinalizer on \*SeamConn, which is on a reference cycle \(SeamConn.pool → SeamPool.conns\[\] → SeamConn\)`
	return c
}

func (p *SeamPool) OpenFieldUnlinked() *SeamConn {
	c := &SeamConn{}
	p.conns = append(p.conns, c)
	p.setFinalizer(c, finalizeSeamConn)
	return c
}

// track wraps runtime.SetFinalizer for any object: its own call shows
// nothing about the object; its callers' calls do.
func track(obj any, finalize func(*SeamConn)) { runtime.SetFinalizer(obj, finalize) }

func (p *SeamPool) OpenTracked() *SeamConn {
	c := &SeamConn{pool: p}
	p.conns = append(p.conns, c)
	track(c, finalizeSeamConn) // want `runtime.SetFinalizer on \*SeamConn, which is on a reference cycle \(SeamConn.pool → SeamPool.conns\[\] → SeamConn\)`
	return c
}

func (p *SeamPool) OpenTrackedUnlinked() *SeamConn {
	c := &SeamConn{}
	p.conns = append(p.conns, c)
	track(c, finalizeSeamConn)
	return c
}
