package connpool

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrInvalidConfig is wrapped by every error New returns for a bad Config,
// so callers can tell configuration mistakes from other failures.
var ErrInvalidConfig = errors.New("connpool: invalid config")

// Config describes a pool. Only Connect and MaxConns are required.
type Config[C Conn] struct {
	// Connect opens a new connection. It is called with the context of the Get
	// or Reserve that needs the connection, or with the pool's own context
	// (cancelled by Close) when the background worker refills MinIdle.
	Connect func(ctx context.Context) (C, error)

	// MaxConns bounds the connections open at once, counting idle, leased,
	// reserved and those being opened or closed. It must be at least 1.
	// Pool.SetMaxConns changes it at run time.
	MaxConns int

	// MinIdle is how many idle connections the background worker keeps
	// ready (never more than MaxConns allows). 0 means none.
	// Pool.SetMinIdle changes it at run time.
	MinIdle int

	// MaxIdleTime closes connections idle for longer than this, except
	// that MinIdle of them are kept. 0 means never.
	MaxIdleTime time.Duration

	// MaxLifetime closes connections older than this when they are next
	// idle or recycled. 0 means never.
	MaxLifetime time.Duration

	// HealthCheckPeriod is how often the background worker enforces
	// MinIdle, MaxIdleTime and MaxLifetime. Time limits are enforced with
	// this granularity: a connection is closed at most one period after it
	// became eligible, never before. 0 picks min(1m, MaxIdleTime/2,
	// MaxLifetime/2), at least 1ms. The worker runs only if one of those
	// three is set.
	HealthCheckPeriod time.Duration

	// TrackLeaks records the stack of every Get and Reserve so that
	// VerifyNone can say where an outstanding connection was acquired. It
	// costs a runtime.Callers per acquire; meant for tests.
	TrackLeaks bool
}

// invalid returns an error wrapping ErrInvalidConfig.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidConfig, fmt.Sprintf(format, args...))
}

// Time limits below this are rejected for the derived health-check period:
// a ticker that fires every few microseconds would burn a core.
const minPeriod = time.Millisecond

// validate checks c and returns the health-check period to use, 0 if no
// background worker is needed.
func (c *Config[C]) validate() (time.Duration, error) {
	switch {
	case c.Connect == nil:
		return 0, invalid("Connect is nil")
	case c.MaxConns < 1:
		return 0, invalid("MaxConns is %d, want at least 1", c.MaxConns)
	case c.MinIdle < 0:
		return 0, invalid("MinIdle is %d, want 0 or more", c.MinIdle)
	case c.MinIdle > c.MaxConns:
		return 0, invalid("MinIdle %d exceeds MaxConns %d", c.MinIdle, c.MaxConns)
	case c.MaxIdleTime < 0:
		return 0, invalid("MaxIdleTime is %v, want 0 or more", c.MaxIdleTime)
	case c.MaxLifetime < 0:
		return 0, invalid("MaxLifetime is %v, want 0 or more", c.MaxLifetime)
	case c.HealthCheckPeriod < 0:
		return 0, invalid("HealthCheckPeriod is %v, want 0 or more", c.HealthCheckPeriod)
	}
	return c.healthPeriod(c.MinIdle), nil
}

// healthPeriod is the background worker's period for a pool that keeps
// minIdle connections ready, 0 if the pool needs no worker.
func (c *Config[C]) healthPeriod(minIdle int) time.Duration {
	if minIdle == 0 && c.MaxIdleTime == 0 && c.MaxLifetime == 0 {
		return 0
	}
	if c.HealthCheckPeriod > 0 {
		return c.HealthCheckPeriod
	}
	period := time.Minute
	for _, limit := range []time.Duration{c.MaxIdleTime, c.MaxLifetime} {
		if limit > 0 {
			period = min(period, max(limit/2, minPeriod))
		}
	}
	return period
}
