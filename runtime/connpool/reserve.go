package connpool

import "context"

// Reserved is a connection pinned to one session for as long as the session
// needs it, for state that lives on the connection (MySQL GET_LOCK, temporary
// tables, session variables). It counts against MaxConns like a Lease and is
// shown separately in Stats.
//
// A reservation holds its own connection and nothing else: its slot's idle
// link was cleared when it left the idle stack, so however long it is held it
// keeps no other connection, open or closed, reachable.
type Reserved[C Conn] struct {
	h handle[C]
}

// Reserve checks out a connection for a session. It waits and fails exactly
// like Get.
//
// Every Reserved must end with one Release, Discard or Hijack.
//
//connlint:acquire
func (p *Pool[C]) Reserve(ctx context.Context) (*Reserved[C], error) {
	s, err := p.acquire(ctx, stReserved, true)
	if err != nil {
		return nil, err
	}
	if p.cfg.TrackLeaks {
		p.record(s, 3) // skip Callers, record, Reserve
	}
	return s.reservation(), nil
}

// Conn returns the reserved connection. It panics after Release, Discard or
// Hijack.
func (r *Reserved[C]) Conn() C {
	if !r.h.valid() {
		panic("connpool: Reserved.Conn called after Release, Discard or Hijack")
	}
	return r.h.s.conn
}

// Release ends the reservation. The connection's session state must not
// leak to the next user, so it goes back to the pool only if its
// ResetSession method succeeds (and IsValid, if it has one, reports true);
// a connection without ResetSession cannot be reset and is closed. Release
// on an already released or nil reservation does nothing.
//
//connlint:release idempotent
func (r *Reserved[C]) Release() {
	if r == nil || !r.h.claim() {
		return
	}
	s := r.h.s
	s.pool.checkin(s, true)
}

// Discard ends the reservation and closes the connection. It does nothing
// on an already released or nil reservation.
//
//connlint:release idempotent
func (r *Reserved[C]) Discard() {
	if r == nil || !r.h.claim() {
		return
	}
	s := r.h.s
	s.pool.retire(s, reasonDiscard)
}

// Hijack ends the reservation by taking the connection out of the pool for
// good, session state and all, exactly like Lease.Hijack: the pool forgets
// it, frees its place and never closes it. It panics on an already released
// or nil reservation.
//
//connlint:release
func (r *Reserved[C]) Hijack() C {
	if r == nil || !r.h.claim() {
		panic("connpool: Reserved.Hijack called after Release, Discard or Hijack")
	}
	s := r.h.s
	return s.pool.hijack(s)
}
