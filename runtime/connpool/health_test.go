package connpool

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The worker tests use a 2ms period and limits of tens of milliseconds, and
// poll for the outcome rather than sleep a guessed time.

func TestMaxIdleTimeClosesIdle(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxIdleTime: 20 * time.Millisecond, HealthCheckPeriod: 2 * time.Millisecond})
	ctx := context.Background()
	a, err := p.Get(ctx)
	require.NoError(t, err)
	b, err := p.Get(ctx)
	require.NoError(t, err)
	start := time.Now()
	a.Recycle()
	b.Recycle()
	waitFor(t, "idle closed", func() bool { return p.Stats().Total == 0 })
	assert.GreaterOrEqual(t, time.Since(start), 20*time.Millisecond, "never early")
	assert.EqualValues(t, 2, p.Stats().Closed.Idle)
}

func TestMaxIdleTimeKeepsMinIdle(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MinIdle: 1, MaxIdleTime: 10 * time.Millisecond, HealthCheckPeriod: 2 * time.Millisecond})
	ctx := context.Background()
	a, err := p.Get(ctx)
	require.NoError(t, err)
	b, err := p.Get(ctx)
	require.NoError(t, err)
	a.Recycle()
	b.Recycle()
	// The worker may have topped up MinIdle while both were out, so count
	// what survives rather than what was closed.
	waitFor(t, "idle closed", func() bool { return p.Stats().Closed.Idle >= 1 })
	time.Sleep(30 * time.Millisecond)
	st := p.Stats()
	assert.Equal(t, 1, st.Idle, "MinIdle survives idle expiry")
	assert.Equal(t, 1, st.Total)
}

func TestMaxLifetime(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxLifetime: 20 * time.Millisecond, HealthCheckPeriod: 2 * time.Millisecond})
	ctx := context.Background()
	idle, err := p.Get(ctx)
	require.NoError(t, err)
	held, err := p.Get(ctx)
	require.NoError(t, err)
	hc := held.Conn()
	idle.Recycle()
	waitFor(t, "idle one closed", func() bool { return p.Stats().Closed.Lifetime == 1 })
	waitFor(t, "clock past the held one's lifetime", func() bool { return p.expired(held.h.s) })

	held.Recycle() // over its lifetime by now: closed, not pooled
	assert.EqualValues(t, 1, hc.closes.Load())
	st := p.Stats()
	assert.EqualValues(t, 2, st.Closed.Lifetime)
	assert.Equal(t, 0, st.Total)
}

func TestGetSkipsExpiredIdle(t *testing.T) {
	db := &fakeDB{}
	// A long period: only the coarse clock set by the first round is used,
	// and it is moved by hand.
	p := newTestPool(t, db, Config[*fakeConn]{MaxLifetime: time.Hour, HealthCheckPeriod: time.Hour})
	waitFor(t, "first round done", func() bool { return p.coarse.Load() > 0 })
	ctx := context.Background()
	l, err := p.Get(ctx)
	require.NoError(t, err)
	old := l.Conn()
	l.Recycle()
	p.coarse.Add(int64(2 * time.Hour))
	l, err = p.Get(ctx)
	require.NoError(t, err)
	assert.NotSame(t, old, l.Conn())
	assert.EqualValues(t, 1, p.Stats().Closed.Lifetime)
	p.coarse.Add(-int64(2 * time.Hour))
	l.Recycle()
}

func TestMinIdleFillsAndRefills(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 3, MinIdle: 2, HealthCheckPeriod: time.Hour})
	waitFor(t, "filled at start", func() bool { return p.Stats().Idle == 2 })

	l, err := p.Get(context.Background())
	require.NoError(t, err)
	l.Discard() // the close nudges the worker; no need to wait an hour
	waitFor(t, "refilled", func() bool { return p.Stats().Idle == 2 })
	assert.Equal(t, 3, db.opened())
}

func TestMinIdleRespectsMaxConns(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 2, MinIdle: 2, HealthCheckPeriod: 2 * time.Millisecond})
	waitFor(t, "filled", func() bool { return p.Stats().Idle == 2 })
	a, err := p.Get(context.Background())
	require.NoError(t, err)
	b, err := p.Get(context.Background())
	require.NoError(t, err)
	time.Sleep(10 * time.Millisecond)
	assert.Equal(t, 2, p.Stats().Total, "no room to refill")
	a.Recycle()
	b.Recycle()
}

func TestMinIdleConnectFailures(t *testing.T) {
	var failing atomic.Bool
	failing.Store(true)
	db := &fakeDB{fail: func(int64) bool { return failing.Load() }}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 2, MinIdle: 2, HealthCheckPeriod: 2 * time.Millisecond})
	waitFor(t, "retried", func() bool { return p.Stats().ConnectErrors >= 3 })
	assert.Zero(t, p.Stats().Opened)
	failing.Store(false)
	waitFor(t, "filled once the database is back", func() bool { return p.Stats().Idle == 2 })
}

func TestCloseStopsWorkerMidConnect(t *testing.T) {
	db := &fakeDB{gate: make(chan struct{})}
	p := newTestPool(t, db, Config[*fakeConn]{MinIdle: 1, HealthCheckPeriod: time.Hour})
	waitFor(t, "worker connecting", func() bool { return db.tries.Load() == 1 })
	// The worker's connect takes the pool's context, which Close cancels;
	// goleak then proves the worker is gone.
	require.NoError(t, p.Close(ctxTimeout(t, 5*time.Second)))
	assert.EqualValues(t, 1, p.Stats().ConnectErrors)
}
