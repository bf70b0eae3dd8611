package connpool

import "time"

// worker enforces MinIdle, MaxIdleTime and MaxLifetime every period, and
// refills MinIdle sooner when a connection is closed. It exits when Close
// cancels p.ctx.
func (p *Pool[C]) worker(period time.Duration) {
	defer close(p.workerDone)
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		p.maintain()
		select {
		case <-p.ctx.Done():
			return
		case <-t.C:
		case <-p.wake:
		}
	}
}

// maintain runs one round of the worker.
func (p *Pool[C]) maintain() {
	now := p.now()
	p.coarse.Store(now)

	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	maxIdle, maxLife := int64(p.cfg.MaxIdleTime), int64(p.cfg.MaxLifetime)
	// Idle expiry may take the stack down to MinIdle but not below: closing
	// a connection only to reopen it would be churn for nothing.
	spare := p.idle.n - p.minIdle
	p.scratch = p.idle.removeIf(p.scratch[:0], func(s *slot[C]) bool {
		if !s.stamped {
			// Pushes do not read the clock (it is the hot path), so the
			// first round that sees a slot idle stamps it with its own
			// time: an upper bound of when it went idle. Idle time is
			// thus never overestimated.
			s.stamped = true
			s.idleSince = now
		}
		lifeOver := maxLife > 0 && now-s.created >= maxLife
		idleOver := maxIdle > 0 && spare > 0 && now-s.idleSince >= maxIdle
		if !lifeOver && !idleOver {
			return false
		}
		spare--
		s.state = stClosing
		return true
	})
	expired := p.scratch
	p.mu.Unlock()

	// Only the worker touches scratch, and Close waits for the worker.
	for i, s := range expired {
		expired[i] = nil // scratch must not keep the slot alive
		reason := reasonIdle
		if maxLife > 0 && now-s.created >= maxLife {
			reason = reasonLifetime
		}
		p.retire(s, reason)
	}
	p.fill()
}

// fill tops the idle stack up to MinIdle, stopping at the first failure (the
// next round retries) or when capacity runs out. It makes at most MinIdle
// connections a round, in case Gets keep taking them as they come.
func (p *Pool[C]) fill() {
	for made := 0; ; made++ {
		p.mu.Lock()
		if p.closed || made >= p.minIdle || p.total >= p.maxConns || p.idle.n >= p.minIdle {
			p.mu.Unlock()
			return
		}
		p.total++
		p.mu.Unlock()

		c, err := p.cfg.Connect(p.ctx)
		if err != nil {
			p.mu.Lock()
			p.counts.connectErrors++
			p.freeCapacityLocked()
			p.mu.Unlock()
			return
		}
		s := newSlot(p, c, p.now())
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			p.closeNew(s)
			return
		}
		p.addLocked(s)
		p.putBack(s) // closes it instead if SetMaxConns shrank the pool meanwhile
	}
}
