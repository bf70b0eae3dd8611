package connpool

import (
	"context"
	"sync/atomic"
)

// Conn is what the pool manages: anything that can be closed.
//
// If the connection also has a ResetSession(ctx) error method, the pool calls
// it when a lease is recycled and when a reservation is released, before the
// connection goes back to the idle stack; an error means the connection is
// broken and it is closed. If it has an IsValid() bool method, the pool calls
// it first on those same paths and again before it hands out an idle
// connection; false means broken. Both mirror database/sql/driver's
// SessionResetter and Validator. The pool calls neither with its lock held,
// nor ever on a connection someone else holds.
type Conn interface {
	Close() error
}

type resetter interface {
	ResetSession(ctx context.Context) error
}

type validator interface {
	IsValid() bool
}

type slotState uint8

const (
	stIdle     slotState = iota // in the idle stack
	stLeased                    // out through a Lease
	stReserved                  // out through a Reserved
	stClosing                   // claimed for closing, conn.Close in progress
	stClosed                    // gone: fields zeroed, no longer in Pool.all
)

// handleRing is how many handles of each kind a slot cycles through. Handles
// are reused so that Get allocates nothing, which means a stale handle kept
// past its release looks valid again once its ring entry is reused. With 4
// entries a stale handle is recognised until the same connection has been
// handed out 4 more times; connlint catches the rest statically.
const (
	handleRing = 4
	ringMask   = handleRing - 1
)

// handle is the state shared by Lease and Reserved: which slot, and which
// checkout of it. gen is odd while the checkout is live.
type handle[C Conn] struct {
	s   *slot[C]
	gen atomic.Uint64
}

// valid reports whether h is the live checkout of its slot.
func (h *handle[C]) valid() bool {
	return h.gen.Load() == h.s.gen.Load()
}

// claim ends h's checkout, exactly once: of any number of concurrent or
// repeated releases through h, one wins and the rest are no-ops.
func (h *handle[C]) claim() bool {
	g := h.gen.Load()
	return g&1 == 1 && h.s.gen.CompareAndSwap(g, g+1)
}

// slot is one connection and everything the pool knows about it. It is
// allocated once per connection, with its handles inline, and dies with it.
type slot[C Conn] struct {
	// next links the idle stack. It is nil whenever the slot is not in the
	// stack, so nothing a slot holds can pin another connection.
	next *slot[C]
	pool *Pool[C]

	conn  C
	reset resetter  // conn as a resetter, nil if it is not one
	valid validator // conn as a validator, nil if it is not one

	// gen counts checkouts and check-ins: odd while a handle is out. It is
	// atomic because handles read it without the pool lock.
	gen atomic.Uint64

	// Guarded by Pool.mu.
	state     slotState
	forced    bool  // conn closed by Pool.Close while out; the holder still owns the slot
	stamped   bool  // idleSince has been set for the current idle period
	allIdx    int   // index in Pool.all
	created   int64 // pool clock, exact
	idleSince int64 // pool clock, an upper bound of when it became idle
	trace     *leakTrace

	leases   [handleRing]Lease[C]
	reserved [handleRing]Reserved[C]
}

func newSlot[C Conn](p *Pool[C], c C, now int64) *slot[C] {
	s := &slot[C]{pool: p, conn: c, created: now}
	// One conversion to an interface per connection, not per use: if C is
	// not pointer-shaped the conversion allocates.
	if r, ok := any(c).(resetter); ok {
		s.reset = r
	}
	if v, ok := any(c).(validator); ok {
		s.valid = v
	}
	for i := range s.leases {
		s.leases[i].h.s = s
		s.reserved[i].h.s = s
	}
	return s
}

// checkoutLocked hands s out as kind. Callers hold p.mu.
func (p *Pool[C]) checkoutLocked(s *slot[C], kind slotState) {
	s.state = kind
	g := s.gen.Add(1)
	if kind == stLeased {
		p.leased++
		s.leases[(g>>1)&ringMask].h.gen.Store(g)
	} else {
		p.reserved++
		s.reserved[(g>>1)&ringMask].h.gen.Store(g)
	}
}

// checkedInLocked undoes the counting of checkoutLocked once the caller has
// advanced s.gen past the checkout. Callers hold p.mu.
func (p *Pool[C]) checkedInLocked(s *slot[C]) {
	switch s.state {
	case stLeased:
		p.leased--
	case stReserved:
		p.reserved--
	}
	if s.trace != nil {
		s.trace.n = 0
	}
}

func (s *slot[C]) lease() *Lease[C] {
	return &s.leases[(s.gen.Load()>>1)&ringMask]
}

func (s *slot[C]) reservation() *Reserved[C] {
	return &s.reserved[(s.gen.Load()>>1)&ringMask]
}

// forgetLocked removes a closed slot from the pool and zeroes every reference
// it holds, so that a stale handle (or a bug elsewhere) that still reaches the
// slot reaches nothing else: not the connection, not another slot.
func (p *Pool[C]) forgetLocked(s *slot[C]) {
	last := len(p.all) - 1
	moved := p.all[last]
	p.all[s.allIdx] = moved
	moved.allIdx = s.allIdx
	p.all[last] = nil // the backing array must not keep the slot alive
	p.all = p.all[:last]
	s.allIdx = -1
	s.state = stClosed
	var zero C
	s.conn = zero
	s.reset = nil
	s.valid = nil
	s.next = nil
}
