package connpool

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetMaxConnsGrowthServesWaiters(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	first, second := queueGet(t, p, 1), queueGet(t, p, 2)
	require.NoError(t, p.SetMaxConns(3))
	a, b := <-first, <-second // both served with no release
	st := p.Stats()
	assert.Equal(t, 3, st.MaxConns)
	assert.Equal(t, 3, st.Total)
	assert.Zero(t, st.Waiting)
	a.Recycle()
	b.Recycle()
	held.Recycle()
}

func TestSetMaxConnsShrinkClosesColdestIdle(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 4})
	ls := getN(t, p, 4)
	for _, l := range ls {
		l.Recycle() // the first recycled is the coldest
	}
	require.NoError(t, p.SetMaxConns(2))
	st := p.Stats()
	assert.Equal(t, 2, st.Total)
	assert.Equal(t, 2, st.Idle)
	assert.EqualValues(t, 2, st.Closed.Shrink)
	for i, c := range db.conns {
		assert.EqualValues(t, i < 2, c.closes.Load() == 1, "conn %d", i+1)
	}
}

// What is out when the pool shrinks is closed as it comes back, and no
// waiter is served until the pool is under its new limit.
func TestSetMaxConnsShrinkDrainsAsReturned(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 3})
	ls := getN(t, p, 3)
	require.NoError(t, p.SetMaxConns(1))
	assert.Equal(t, 3, p.Stats().Total, "holders are not interrupted")

	got := queueGet(t, p, 1)

	ls[0].Recycle()
	ls[1].Recycle()
	st := p.Stats()
	assert.Equal(t, 1, st.Total)
	assert.EqualValues(t, 2, st.Closed.Shrink, "closed as they came back, not reset and pooled")
	assert.Equal(t, 1, st.Waiting, "the pool is at its limit: the waiter still waits")
	assert.Zero(t, db.conns[0].resets.Load())

	last := ls[2].Conn()
	ls[2].Recycle()
	l := <-got
	assert.Same(t, last, l.Conn(), "at the limit, a release is handed over")
	l.Recycle()
	assert.Equal(t, Stats{MaxConns: 1, Total: 1, Idle: 1, WaitCount: 1, WaitDuration: p.Stats().WaitDuration,
		Opened: 3, Closed: ClosedStats{Shrink: 2}}, p.Stats())
}

func TestSetMaxConnsDiscardWhileOver(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 2})
	a, err := p.Get(context.Background())
	require.NoError(t, err)
	b, err := p.Reserve(context.Background())
	require.NoError(t, err)
	require.NoError(t, p.SetMaxConns(1))
	_, err = p.TryGet(context.Background())
	require.ErrorIs(t, err, ErrExhausted)
	a.Discard()
	c := b.Hijack()
	st := p.Stats()
	assert.Zero(t, st.Total)
	assert.EqualValues(t, 1, st.Hijacked)
	l, err := p.TryGet(context.Background())
	require.NoError(t, err, "under the limit again")
	l.Recycle()
	require.NoError(t, c.Close())
}

func TestSetLimitsValidate(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 4, MinIdle: 2, HealthCheckPeriod: time.Hour})
	for _, tc := range []struct {
		err error
		msg string
	}{
		{p.SetMaxConns(0), "MaxConns is 0, want at least 1"},
		{p.SetMaxConns(1), "MinIdle 2 exceeds MaxConns 1"},
		{p.SetMinIdle(-1), "MinIdle is -1, want 0 or more"},
		{p.SetMinIdle(5), "MinIdle 5 exceeds MaxConns 4"},
	} {
		require.ErrorIs(t, tc.err, ErrInvalidConfig)
		assert.ErrorContains(t, tc.err, tc.msg)
	}
	assert.Equal(t, 4, p.Stats().MaxConns, "nothing changed")

	require.NoError(t, p.SetMinIdle(1))
	require.NoError(t, p.SetMaxConns(1))
	require.NoError(t, p.Close(context.Background()))
	assert.ErrorIs(t, p.SetMaxConns(2), ErrClosed)
	assert.ErrorIs(t, p.SetMinIdle(0), ErrClosed)
}

// A pool created without a worker gets one when MinIdle is raised, and Close
// stops it (goleak checks the whole package).
func TestSetMinIdleStartsWorker(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 3})
	assert.Nil(t, p.workerDone)
	require.NoError(t, p.SetMinIdle(2))
	waitFor(t, "filled", func() bool { return p.Stats().Idle == 2 })
	require.NoError(t, p.SetMinIdle(3))
	waitFor(t, "refilled at once, not a minute later", func() bool { return p.Stats().Idle == 3 })
	require.NoError(t, p.SetMinIdle(0))
	assert.Equal(t, 3, p.Stats().Idle, "lowering closes nothing by itself")
}

// The worker's refill connects outside the lock; if the pool shrinks
// meanwhile, the new connection must be closed, not left idle above the
// limit.
func TestSetMaxConnsRacesFill(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 2, HealthCheckPeriod: time.Hour})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	db.gate = make(chan struct{}) // before the worker exists: no race
	require.NoError(t, p.SetMinIdle(1))
	waitFor(t, "worker connecting", func() bool { return db.tries.Load() == 2 })
	require.NoError(t, p.SetMinIdle(0))
	require.NoError(t, p.SetMaxConns(1))
	assert.Equal(t, 2, p.Stats().Total, "the connect in flight counts")
	close(db.gate)
	waitFor(t, "refill closed", func() bool { return p.Stats().Closed.Shrink == 1 })
	st := p.Stats()
	assert.Equal(t, 1, st.Total)
	assert.Zero(t, st.Idle)
	held.Recycle()
	assert.Equal(t, 1, p.Stats().Idle, "within the limit: pooled")
}

// Resizing while every kind of checkout and release runs: nothing lost, no
// waiter stranded (each Get has 5s, far more than it needs), every
// connection closed once or hijacked, and afterwards the pool within its
// final limit.
func TestResizeStress(t *testing.T) {
	db := &fakeDB{fail: func(n int64) bool { return n%7 == 0 }}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 4, HealthCheckPeriod: time.Millisecond})
	var (
		wg, resizer sync.WaitGroup
		stop        atomic.Bool
		resizes     atomic.Int64
	)
	for g := range 6 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 15))
			// Until both sides have done enough: each getter 300 rounds,
			// the resizer 300 resizes.
			for i := 0; i < 300 || resizes.Load() < 300; i++ {
				if err := stressRound(p, rng); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	resizer.Go(func() {
		rng := rand.New(rand.NewPCG(99, 15))
		for !stop.Load() {
			n := 1 + rng.IntN(6)
			idle := rng.IntN(min(n, 3) + 1)
			_ = p.SetMinIdle(0) // always valid: lets any MaxConns through
			assert.NoError(t, p.SetMaxConns(n))
			assert.NoError(t, p.SetMinIdle(idle))
			resizes.Add(1)
			time.Sleep(time.Duration(rng.IntN(200)) * time.Microsecond)
		}
	})
	wg.Wait()
	stop.Store(true)
	resizer.Wait()

	require.NoError(t, p.SetMinIdle(0))
	require.NoError(t, p.SetMaxConns(2))
	st := p.Stats()
	assert.LessOrEqual(t, st.Total, 2, "%+v", st)
	assert.Equal(t, st.Total, st.Idle)
	t.Logf("%+v", st)
	assert.Positive(t, st.Closed.Shrink)
	assert.Positive(t, st.WaitCount)
	assert.Positive(t, st.Hijacked)
}

// stressRound checks a connection out (with Get, or 1 time in 4 TryGet),
// holds it for a query now and then, and ends the lease in one of the
// three ways. Exhaustion and connect failures are expected; the 5s
// deadline is not.
func stressRound(p *Pool[*fakeConn], rng *rand.Rand) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var (
		l   *Lease[*fakeConn]
		err error
	)
	if rng.IntN(4) == 0 {
		l, err = p.TryGet(ctx)
	} else {
		l, err = p.Get(ctx)
	}
	switch {
	case errors.Is(err, ErrExhausted), errors.Is(err, errConnect):
		return nil
	case err != nil:
		return err
	}
	if rng.IntN(4) == 0 {
		time.Sleep(time.Duration(rng.IntN(50)) * time.Microsecond) // a query
	}
	switch rng.IntN(20) {
	case 0:
		l.Discard()
	case 1:
		return l.Hijack().Close()
	default:
		l.Recycle()
	}
	return nil
}
