package connpool

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// ErrClosed is returned by Get, TryGet and Reserve once Close has been
// called, and by SetMaxConns and SetMinIdle after it.
var ErrClosed = errors.New("connpool: pool closed")

// ErrExhausted is returned by TryGet when no connection is idle and MaxConns
// leaves no room to open one: a Get would have waited.
var ErrExhausted = errors.New("connpool: no idle connection and no capacity left")

// Pool is a bounded pool of connections of type C. All its methods are safe
// for concurrent use.
type Pool[C Conn] struct {
	cfg Config[C]

	// ctx lives until Close; it bounds ResetSession calls and the
	// background worker's connects so that Close is never stuck behind them.
	ctx    context.Context
	cancel context.CancelFunc
	start  time.Time // origin of the pool clock

	// coarse is the pool clock as of the worker's last tick. The hot path
	// reads it instead of the real clock; it only ever lags, so limits
	// checked against it fire late, never early.
	coarse atomic.Int64

	// closing is set at the start of Close, before anything is forced, so
	// that a release racing with Close never resets a connection that Close
	// is about to close under it.
	closing atomic.Bool

	// over mirrors total > maxConns, so that a release can skip resetting a
	// connection that a shrink will close anyway, without taking the lock
	// first; putBack makes the final decision under the lock. Only
	// SetMaxConns starts an excess (total grows only below maxConns), and
	// only freeCapacityLocked ends one before Close, so those two write it,
	// under mu.
	over atomic.Bool

	mu       sync.Mutex
	idle     idleStack[C]
	waiters  waitQueue[C]
	all      []*slot[C] // every slot not yet forgotten: idle, out, closing
	total    int        // capacity in use: len(all) minus forced, plus connects in flight
	maxConns int        // Config.MaxConns until SetMaxConns; total exceeds it only while a shrink drains
	minIdle  int        // Config.MinIdle until SetMinIdle
	leased   int
	reserved int
	closed   bool
	drained  chan struct{} // closed once closed && total == 0
	isDrain  bool
	scratch  []*slot[C] // the worker's; cleared after each round
	counts   counters

	// The background worker, started by New or by the first SetMinIdle
	// that needs it; both nil without one. Set under mu.
	wake       chan struct{} // nudges the worker
	workerDone chan struct{}
}

// New validates cfg and returns a pool. It opens no connection itself; if
// MinIdle is set, the background worker starts filling the pool at once.
func New[C Conn](cfg Config[C]) (*Pool[C], error) {
	period, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	p := &Pool[C]{
		cfg:      cfg,
		start:    time.Now(),
		drained:  make(chan struct{}),
		maxConns: cfg.MaxConns,
		minIdle:  cfg.MinIdle,
	}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	if period > 0 {
		p.startWorkerLocked(period) // p is not shared yet: no lock needed
	}
	return p, nil
}

// startWorkerLocked starts the background worker. Callers hold p.mu (or own
// p alone).
func (p *Pool[C]) startWorkerLocked(period time.Duration) {
	p.wake = make(chan struct{}, 1)
	p.workerDone = make(chan struct{})
	go p.worker(period)
}

// nudgeLocked asks the worker, if there is one, for a round now. Callers
// hold p.mu.
func (p *Pool[C]) nudgeLocked() {
	if p.wake == nil {
		return
	}
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// now reads the pool clock: monotonic nanoseconds since New.
func (p *Pool[C]) now() int64 { return int64(time.Since(p.start)) }

// expired reports whether s has outlived MaxLifetime by the coarse clock.
func (p *Pool[C]) expired(s *slot[C]) bool {
	return p.cfg.MaxLifetime > 0 && p.coarse.Load()-s.created >= int64(p.cfg.MaxLifetime)
}

// acquire checks out a connection as kind (stLeased or stReserved). If
// block is false it fails with ErrExhausted where it would have waited.
func (p *Pool[C]) acquire(ctx context.Context, kind slotState, block bool) (*slot[C], error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	default:
	}
	for yielded := false; ; {
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			return nil, ErrClosed
		}
		// Invariant: waiters exist only while the idle stack is empty and
		// all capacity is taken, so taking an idle slot never jumps the queue.
		if s := p.idle.pop(); s != nil {
			p.checkoutLocked(s, kind)
			p.mu.Unlock()
			if p.expired(s) {
				s.gen.Add(1)
				p.retire(s, reasonLifetime)
				continue
			}
			if s.valid != nil && !s.valid.IsValid() {
				s.gen.Add(1)
				p.retire(s, reasonBroken)
				continue
			}
			return s, nil
		}
		if p.total < p.maxConns {
			p.total++
			p.mu.Unlock()
			return p.connect(ctx, kind)
		}
		if !block {
			p.mu.Unlock()
			return nil, ErrExhausted
		}
		if !yielded {
			// Everything is out. Often a release just handed a connection
			// to a waiter that is now runnable on this P: let it run before
			// queueing, as it may finish and recycle before this goroutine
			// would have parked, sparing a park and a wake-up (4x faster
			// Get+Recycle when goroutines outnumber connections). Yielding
			// here rather than after the hand-off keeps releases short,
			// which matters for the stale-handle check, and queueing order
			// is untouched: this goroutine has not queued yet.
			yielded = true
			p.mu.Unlock()
			runtime.Gosched()
			continue
		}
		return p.wait(ctx, kind) // unlocks
	}
}

// wait queues the caller behind earlier waiters. Called with p.mu held; it
// releases it.
func (p *Pool[C]) wait(ctx context.Context, kind slotState) (*slot[C], error) {
	w := p.waiters.enqueue(kind)
	p.counts.waitCount++
	p.mu.Unlock()
	start := time.Now()

	var g grant[C]
	select {
	case g = <-w.ch:
		p.mu.Lock()
		p.counts.waitTime += time.Since(start)
		p.waiters.release(w)
		p.mu.Unlock()
	case <-ctx.Done():
		p.mu.Lock()
		p.counts.waitTime += time.Since(start)
		if w.queued {
			p.waiters.remove(w)
			p.waiters.release(w)
			p.mu.Unlock()
			return nil, ctx.Err()
		}
		// A grant raced with the cancellation; it is already in the
		// channel because grants are sent under p.mu. Pass it on.
		g = <-w.ch
		p.waiters.release(w)
		switch {
		case g.s != nil:
			g.s.gen.Add(1)
			p.putBack(g.s) // unused, so no reset; unlocks
			return nil, ctx.Err()
		case g.err == nil:
			p.freeCapacityLocked()
		}
		p.mu.Unlock()
		return nil, ctx.Err()
	}
	switch {
	case g.err != nil:
		return nil, g.err
	case g.s != nil:
		return g.s, nil
	default:
		return p.connect(ctx, kind) // capacity was handed over with the grant
	}
}

// connect opens a connection for the caller, who has already counted it in
// p.total.
func (p *Pool[C]) connect(ctx context.Context, kind slotState) (*slot[C], error) {
	c, err := p.cfg.Connect(ctx)
	if err != nil {
		p.mu.Lock()
		p.counts.connectErrors++
		p.freeCapacityLocked()
		p.mu.Unlock()
		return nil, fmt.Errorf("connpool: connect: %w", err)
	}
	s := newSlot(p, c, p.now())
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		p.closeNew(s)
		return nil, ErrClosed
	}
	p.addLocked(s)
	p.checkoutLocked(s, kind)
	p.mu.Unlock()
	return s, nil
}

// addLocked registers a freshly connected slot.
func (p *Pool[C]) addLocked(s *slot[C]) {
	s.allIdx = len(p.all)
	p.all = append(p.all, s)
	p.counts.opened++
}

// closeNew closes a connection that was opened after Close started and was
// never registered.
func (p *Pool[C]) closeNew(s *slot[C]) {
	err := s.conn.Close()
	p.mu.Lock()
	p.counts.opened++
	p.counts.closed[reasonShutdown]++
	if err != nil {
		p.counts.closeErrors++
	}
	p.total--
	p.drainedLocked()
	p.mu.Unlock()
}

// putLocked makes a checked-in slot available: to the oldest waiter if there
// is one, else onto the idle stack. It reports whether a waiter got it.
func (p *Pool[C]) putLocked(s *slot[C]) bool {
	if w := p.waiters.dequeue(); w != nil {
		p.checkoutLocked(s, w.kind)
		w.ch <- grant[C]{s: s}
		return true
	}
	s.state = stIdle
	s.stamped = false
	p.idle.push(s)
	return false
}

// freeCapacityLocked gives up one unit of capacity: to the oldest waiter,
// who will connect with it, or back to the pool. While a shrink drains
// (total above maxConns) the unit is given up for good.
func (p *Pool[C]) freeCapacityLocked() {
	if p.total <= p.maxConns {
		if w := p.waiters.dequeue(); w != nil {
			w.ch <- grant[C]{}
			return
		}
	}
	p.total--
	p.over.Store(p.total > p.maxConns)
	p.drainedLocked()
	if p.idle.n < p.minIdle {
		p.nudgeLocked()
	}
}

func (p *Pool[C]) drainedLocked() {
	if p.closed && p.total == 0 && !p.isDrain {
		p.isDrain = true
		close(p.drained)
	}
}

// checkin takes back a slot whose handle the caller has just claimed.
// mustReset is set for reservations: their session state must be cleared,
// so one that cannot be reset is closed.
func (p *Pool[C]) checkin(s *slot[C], mustReset bool) {
	reason := reasonNone
	switch {
	case p.closing.Load():
		reason = reasonShutdown
	case p.over.Load():
		reason = reasonShrink
	case p.expired(s):
		reason = reasonLifetime
	case s.valid != nil && !s.valid.IsValid():
		reason = reasonBroken
	case s.reset != nil:
		if s.reset.ResetSession(p.ctx) != nil {
			reason = reasonBroken
		}
	case mustReset:
		reason = reasonTainted
	}
	if reason != reasonNone {
		p.retire(s, reason)
		return
	}
	p.mu.Lock()
	p.putBack(s)
}

// putBack returns a slot whose checkout has ended to the pool, or closes it
// if Close has started since the caller last looked or if SetMaxConns has
// left the pool over its limit. Called with p.mu held; releases it.
func (p *Pool[C]) putBack(s *slot[C]) {
	if p.closed || p.total > p.maxConns {
		reason := reasonShrink
		if p.closed {
			reason = reasonShutdown
		}
		p.mu.Unlock()
		p.retire(s, reason)
		return
	}
	p.checkedInLocked(s)
	p.putLocked(s)
	p.mu.Unlock()
}

// retire closes a slot that the caller owns exclusively (no live handle)
// and frees its capacity.
func (p *Pool[C]) retire(s *slot[C], reason closeReason) {
	p.mu.Lock()
	if s.forced {
		// Close already closed the connection and took it off the
		// books; the holder has now let go, so only forget the slot.
		p.forgetLocked(s)
		p.mu.Unlock()
		return
	}
	p.checkedInLocked(s)
	s.state = stClosing
	p.mu.Unlock()

	err := s.conn.Close() // outside the lock: it is user code and may block

	p.mu.Lock()
	p.counts.closed[reason]++
	if err != nil {
		p.counts.closeErrors++
	}
	p.forgetLocked(s)
	p.freeCapacityLocked()
	p.mu.Unlock()
}

// hijack takes a slot whose handle the caller has just claimed out of the
// pool for good: the pool forgets it and frees its capacity, and the
// caller gets the connection, which the pool will never close.
func (p *Pool[C]) hijack(s *slot[C]) C {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := s.conn
	if s.forced {
		// Close already closed it and took it off the books.
		p.forgetLocked(s)
		return c
	}
	p.checkedInLocked(s)
	p.counts.hijacked++
	p.forgetLocked(s)
	p.freeCapacityLocked()
	return c
}

// Close stops new Gets and Reserves (they fail with ErrClosed, as do those
// waiting), closes idle connections, and waits until every leased and
// reserved connection has been returned and closed. If ctx ends first, Close
// closes the connections still out, under their holders, and returns an
// error wrapping ctx.Err(); their holders' later Recycle, Release or Discard
// are no-ops. Calling Close again waits the same way.
func (p *Pool[C]) Close(ctx context.Context) error {
	p.mu.Lock()
	first := !p.closed
	var idle []*slot[C]
	if first {
		p.closed = true
		p.closing.Store(true)
		for w := p.waiters.dequeue(); w != nil; w = p.waiters.dequeue() {
			w.ch <- grant[C]{err: ErrClosed}
		}
		idle = p.idle.drain(nil)
		for _, s := range idle {
			s.state = stClosing
		}
		p.drainedLocked()
	}
	workerDone := p.workerDone
	p.mu.Unlock()

	if first {
		p.cancel()
		for i, s := range idle {
			idle[i] = nil
			p.retire(s, reasonShutdown)
		}
	}
	if workerDone != nil {
		select {
		case <-workerDone:
		case <-ctx.Done():
		}
	}
	select {
	case <-p.drained:
		return nil
	case <-ctx.Done():
	}
	n := p.force()
	return fmt.Errorf("connpool: close: %d connections still out, closed under their holders: %w", n, ctx.Err())
}

// force closes the connections still out when Close gives up waiting. A
// slot whose handle is being released right now (gen even) is left to its
// releaser, which sees closing and closes it itself.
func (p *Pool[C]) force() int {
	p.mu.Lock()
	var out []C // the conns, not the slots: a holder may forget its slot meanwhile
	for _, s := range p.all {
		if (s.state == stLeased || s.state == stReserved) && !s.forced && s.gen.Load()&1 == 1 {
			// The slot stays in p.all, with its leak trace, until its
			// holder lets go; only the books say it is closed.
			s.forced = true
			if s.state == stLeased {
				p.leased--
			} else {
				p.reserved--
			}
			p.total--
			p.counts.closed[reasonShutdown]++
			out = append(out, s.conn)
		}
	}
	p.drainedLocked()
	p.mu.Unlock()
	for _, c := range out {
		if c.Close() != nil {
			p.mu.Lock()
			p.counts.closeErrors++
			p.mu.Unlock()
		}
	}
	return len(out)
}
