package connpool

// SetMaxConns changes MaxConns while the pool runs, as database/sql's
// SetMaxOpenConns and smartconnpool's SetCapacity do. n must be at least 1
// and at least MinIdle (lower MinIdle first with SetMinIdle); otherwise the
// error wraps ErrInvalidConfig and nothing changes.
//
// Growing serves the waiters at once: each gets a unit of the new capacity
// and opens its own connection. Shrinking closes idle connections, the
// least recently used first, until the pool is within n; if that is not
// enough, the connections still out are closed as they come back (their
// holders are not interrupted), and no waiter is served until the pool is
// under n again. SetMaxConns does not wait for that drain: Stats().Total
// says how far it has got.
func (p *Pool[C]) SetMaxConns(n int) error {
	p.mu.Lock()
	switch {
	case p.closed:
		p.mu.Unlock()
		return ErrClosed
	case n < 1:
		p.mu.Unlock()
		return invalid("MaxConns is %d, want at least 1", n)
	case n < p.minIdle:
		p.mu.Unlock()
		return invalid("MinIdle %d exceeds MaxConns %d", p.minIdle, n)
	}
	p.maxConns = n
	// Waiters exist only while nothing is idle, so growth goes to them as
	// capacity, and shrinking only finds idle connections when there are no
	// waiters.
	for p.total < p.maxConns {
		w := p.waiters.dequeue()
		if w == nil {
			break
		}
		p.total++
		w.ch <- grant[C]{}
	}
	var cold []*slot[C]
	if excess := p.total - p.maxConns; excess > 0 {
		// The stack is LIFO, so its bottom holds the coldest connections.
		keep := p.idle.n - min(excess, p.idle.n)
		seen := 0
		cold = p.idle.removeIf(nil, func(s *slot[C]) bool {
			seen++
			if seen <= keep {
				return false
			}
			s.state = stClosing
			return true
		})
	}
	p.over.Store(p.total > p.maxConns)
	p.mu.Unlock()

	for i, s := range cold {
		cold[i] = nil
		p.retire(s, reasonShrink)
	}
	return nil
}

// SetMinIdle changes MinIdle while the pool runs. n must be between 0 and
// MaxConns; otherwise the error wraps ErrInvalidConfig and nothing changes.
// Raising it asks the background worker for a round at once (starting the
// worker if the pool had none), which opens connections until n are idle,
// within MaxConns. Lowering it lets MaxIdleTime, if set, close the idle
// connections above n as they age; none is closed just for the change.
func (p *Pool[C]) SetMinIdle(n int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.closed:
		return ErrClosed
	case n < 0:
		return invalid("MinIdle is %d, want 0 or more", n)
	case n > p.maxConns:
		return invalid("MinIdle %d exceeds MaxConns %d", n, p.maxConns)
	}
	p.minIdle = n
	if n == 0 {
		return nil
	}
	if p.wake == nil {
		p.startWorkerLocked(p.cfg.healthPeriod(n))
		return nil
	}
	p.nudgeLocked()
	return nil
}
