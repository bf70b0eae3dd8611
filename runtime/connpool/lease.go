package connpool

import "context"

// Lease is one checkout of a pooled connection, from Get until Recycle or
// Discard. Leases are reused between checkouts, so do not keep one after
// releasing it: see the package documentation for what a stale Lease does.
type Lease[C Conn] struct {
	h handle[C]
}

// Get checks out a connection: an idle one if there is one, else a new one
// if MaxConns allows, else the next one released, in the order the callers
// started waiting. It returns ctx.Err() if ctx ends first (or had ended),
// ErrClosed once Close has been called, and Connect's error, wrapped, if
// opening a connection fails.
//
// Every Lease must end with exactly one Recycle or Discard.
//
//connlint:acquire
func (p *Pool[C]) Get(ctx context.Context) (*Lease[C], error) {
	s, err := p.acquire(ctx, stLeased)
	if err != nil {
		return nil, err
	}
	if p.cfg.TrackLeaks {
		p.record(s)
	}
	return s.lease(), nil
}

// Conn returns the leased connection. It panics if the lease has been
// recycled or discarded: there is no connection to give, and handing back a
// connection that now belongs to someone else would be worse.
func (l *Lease[C]) Conn() C {
	if !l.h.valid() {
		panic("connpool: Lease.Conn called after Recycle or Discard")
	}
	return l.h.s.conn
}

// Recycle returns the connection to the pool. If the connection has an
// IsValid method that reports false, or a ResetSession method that fails,
// it is closed instead. Recycle on a lease that was already released, or on
// a nil lease, does nothing, so `defer l.Recycle()` can follow an earlier
// Discard.
//
//connlint:release
func (l *Lease[C]) Recycle() {
	if l == nil || !l.h.claim() {
		return
	}
	s := l.h.s
	s.pool.checkin(s, false)
}

// Discard closes the connection instead of returning it, freeing its place
// in the pool: use it when the connection may be broken (a network error
// mid-query). Like Recycle, it does nothing on a released or nil lease.
//
//connlint:release
func (l *Lease[C]) Discard() {
	if l == nil || !l.h.claim() {
		return
	}
	s := l.h.s
	s.pool.retire(s, reasonDiscard)
}
