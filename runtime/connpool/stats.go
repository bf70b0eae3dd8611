package connpool

import "time"

// closeReason says why the pool closed a connection.
type closeReason uint8

const (
	reasonNone     closeReason = iota
	reasonIdle                 // idle longer than MaxIdleTime
	reasonLifetime             // older than MaxLifetime
	reasonBroken               // IsValid false, or ResetSession failed
	reasonDiscard              // the holder called Discard
	reasonTainted              // a reservation ended on a connection that cannot be reset
	reasonShutdown             // Close
	reasonShrink               // SetMaxConns lowered MaxConns below the connections open
	numReasons
)

// counters are the cumulative statistics, guarded by Pool.mu.
type counters struct {
	opened        int64
	connectErrors int64
	closeErrors   int64
	waitCount     int64
	waitTime      time.Duration
	hijacked      int64
	closed        [numReasons]int64
}

// Stats is a consistent snapshot of a pool, taken under its lock.
type Stats struct {
	MaxConns int

	// Total is the capacity in use: idle, in-use and reserved connections,
	// plus those being opened or closed right now. Never above MaxConns,
	// except after SetMaxConns lowered it, until enough connections have
	// come back to be closed.
	Total    int
	Idle     int
	InUse    int // out through a Lease
	Reserved int // out through a Reserved
	Waiting  int // Gets and Reserves blocked right now

	WaitCount    int64         // Gets and Reserves that had to block, ever
	WaitDuration time.Duration // their total time blocked

	Opened        int64 // connections opened, ever
	ConnectErrors int64 // Connect calls that failed
	CloseErrors   int64 // Close calls on connections that returned an error
	Hijacked      int64 // connections taken out of the pool by Hijack, never closed by it
	Closed        ClosedStats
}

// ClosedStats counts closed connections by why they were closed.
type ClosedStats struct {
	Idle     int64 // idle longer than MaxIdleTime
	Lifetime int64 // older than MaxLifetime
	Broken   int64 // IsValid reported false, or ResetSession failed
	Discard  int64 // Lease.Discard or Reserved.Discard
	Tainted  int64 // reservation released on a connection with no ResetSession
	Shutdown int64 // closed by Pool.Close
	Shrink   int64 // closed to bring the pool under a MaxConns lowered by SetMaxConns
}

// Stats returns a snapshot of the pool's state and counters.
func (p *Pool[C]) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := &p.counts
	return Stats{
		MaxConns:      p.maxConns,
		Total:         p.total,
		Idle:          p.idle.n,
		InUse:         p.leased,
		Reserved:      p.reserved,
		Waiting:       p.waiters.n,
		WaitCount:     c.waitCount,
		WaitDuration:  c.waitTime,
		Opened:        c.opened,
		ConnectErrors: c.connectErrors,
		CloseErrors:   c.closeErrors,
		Hijacked:      c.hijacked,
		Closed: ClosedStats{
			Idle:     c.closed[reasonIdle],
			Lifetime: c.closed[reasonLifetime],
			Broken:   c.closed[reasonBroken],
			Discard:  c.closed[reasonDiscard],
			Tainted:  c.closed[reasonTainted],
			Shutdown: c.closed[reasonShutdown],
			Shrink:   c.closed[reasonShrink],
		},
	}
}
