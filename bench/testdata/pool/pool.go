// Package pool is a small pool with connlint directives and the Vitess
// v19 unlink bug (refcycle R3). It feeds facts to package store.
package pool

import (
	"context"
	"runtime"
)

// Conn is a pooled connection.
type Conn struct {
	pool *Pool
	next *Conn
	buf  []byte
}

// Pool hands out connections.
type Pool struct {
	top   *Conn
	conns []*Conn
}

// New returns a pool whose connections have a finalizer on a cycle (R1).
func New() *Pool {
	p := &Pool{}
	c := &Conn{pool: p}
	p.conns = append(p.conns, c)
	runtime.SetFinalizer(c, func(*Conn) {})
	return p
}

// Get borrows a connection.
//
//connlint:acquire
func (p *Pool) Get(ctx context.Context) (*Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c := p.pop(); c != nil {
		return c, nil
	}
	return &Conn{pool: p}, nil
}

// pop unlinks the head without clearing its link.
func (p *Pool) pop() *Conn {
	c := p.top
	if c == nil {
		return nil
	}
	p.top = c.next
	return c
}

// Recycle returns the connection to the pool.
//
//connlint:release
func (c *Conn) Recycle() {
	c.next = c.pool.top
	c.pool.top = c
}

// Exec uses the connection.
func (c *Conn) Exec(q string) error { c.buf = append(c.buf[:0], q...); return nil }

// Borrow returns a connection its caller must recycle: a wrapper.
func Borrow(p *Pool) (*Conn, error) { return p.Get(context.Background()) }

// Done recycles c: a releasing helper.
func Done(c *Conn) { c.Recycle() }
