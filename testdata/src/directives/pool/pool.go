// Package pool is a user's own connection pool, annotated for connlint.
package pool

import "context"

type Conn struct{ id int }

// Pool hands out connections.
type Pool[C any] struct{ free []*Lease[C] }

// Lease is a connection on loan from the pool.
type Lease[C any] struct {
	p    *Pool[C]
	conn C
}

// Get borrows a connection.
//
//connlint:acquire
func (p *Pool[C]) Get(ctx context.Context) (*Lease[C], error) { // want Get:`acquires \*pool.Lease \(result 0\)`
	if n := len(p.free); n > 0 {
		l := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		return l, nil
	}
	return &Lease[C]{p: p}, ctx.Err()
}

// Conn returns the leased connection.
func (l *Lease[C]) Conn() C { return l.conn }

// Recycle returns the connection to the pool.
//
//connlint:release
func (l *Lease[C]) Recycle() { l.p.free = append(l.p.free, l) } // want Recycle:`^release$`

// Err reports why the lease failed; it may be called after Recycle.
//
//connlint:afterrelease
func (l *Lease[C]) Err() error { return nil } // want Err:`afterrelease`

// Discard closes the connection.
//
//connlint:release
func (l *Lease[C]) Discard() {} // want Discard:`release`

// Source hands out leases through an interface.
type Source interface {
	// Borrow borrows a connection.
	//
	//connlint:acquire
	Borrow(ctx context.Context) (*Lease[Conn], error) // want Borrow:`acquires \*pool.Lease \(result 0\)`
}
