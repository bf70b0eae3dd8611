package connpool

import "context"

// Lease is one checkout of a pooled connection, from Get or TryGet until
// Recycle, Discard or Hijack. Leases are reused between checkouts, so do not
// keep one after releasing it: see the package documentation for what a
// stale Lease does.
type Lease[C Conn] struct {
	h handle[C]
}

// Get checks out a connection: an idle one if there is one, else a new one
// if MaxConns allows, else the next one released, in the order the callers
// started waiting. It returns ctx.Err() if ctx ends first (or had ended),
// ErrClosed once Close has been called, and Connect's error, wrapped, if
// opening a connection fails.
//
// Every Lease must end with one Recycle, Discard or Hijack.
//
//connlint:acquire
func (p *Pool[C]) Get(ctx context.Context) (*Lease[C], error) {
	return p.lease(ctx, true)
}

// TryGet is Get without the waiting: it returns an idle connection, or opens
// one if MaxConns allows (Connect runs with ctx, so that still takes as long
// as connecting does), and otherwise fails at once with ErrExhausted, where
// Get would queue behind the other callers. It is for callers that would
// rather shed load than wait, like puddle's TryAcquire (which, unlike
// TryGet, opens the new connection in the background and fails meanwhile).
// It fails like Get for a done ctx, a closed pool or a failed connect.
//
//connlint:acquire
func (p *Pool[C]) TryGet(ctx context.Context) (*Lease[C], error) {
	return p.lease(ctx, false)
}

func (p *Pool[C]) lease(ctx context.Context, block bool) (*Lease[C], error) {
	s, err := p.acquire(ctx, stLeased, block)
	if err != nil {
		return nil, err
	}
	if p.cfg.TrackLeaks {
		p.record(s, 4) // skip Callers, record, lease, Get/TryGet
	}
	return s.lease(), nil
}

// Conn returns the leased connection. It panics if the lease has been
// recycled, discarded or hijacked: there is no connection to give, and
// handing back a connection that now belongs to someone else would be
// worse.
func (l *Lease[C]) Conn() C {
	if !l.h.valid() {
		panic("connpool: Lease.Conn called after Recycle, Discard or Hijack")
	}
	return l.h.s.conn
}

// Recycle returns the connection to the pool. If the connection has an
// IsValid method that reports false, or a ResetSession method that fails,
// it is closed instead. Recycle on a lease that was already released (by
// Recycle, Discard or Hijack), or on a nil lease, does nothing, so `defer
// l.Recycle()` can follow an earlier Discard or Hijack.
//
//connlint:release idempotent
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
//connlint:release idempotent
func (l *Lease[C]) Discard() {
	if l == nil || !l.h.claim() {
		return
	}
	s := l.h.s
	s.pool.retire(s, reasonDiscard)
}

// Hijack takes the connection out of the pool for good and returns it: the
// pool forgets it, frees its place for another connection, and never
// closes it, so closing it is now the caller's job. Use it to hand a
// connection to code that manages it itself (a replication stream, a
// LISTEN loop). A Recycle or Discard after Hijack does nothing.
//
// Unlike them, Hijack panics on a lease that was already released (or is
// nil): there is no connection to return. If Close has already
// force-closed the connection under its holder, Hijack returns it closed.
//
//connlint:release
func (l *Lease[C]) Hijack() C {
	if l == nil || !l.h.claim() {
		panic("connpool: Lease.Hijack called after Recycle, Discard or Hijack")
	}
	s := l.h.s
	return s.pool.hijack(s)
}
