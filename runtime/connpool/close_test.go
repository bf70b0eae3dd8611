package connpool

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCloseClosesIdleAndRefusesGets(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx := context.Background()
	a, err := p.Get(ctx)
	require.NoError(t, err)
	b, err := p.Get(ctx)
	require.NoError(t, err)
	a.Recycle()
	b.Recycle()

	require.NoError(t, p.Close(ctx))
	db.requireAllClosedOnce(t)
	assert.EqualValues(t, 2, p.Stats().Closed.Shutdown)

	_, err = p.Get(ctx)
	assert.ErrorIs(t, err, ErrClosed)
	_, err = p.Reserve(ctx)
	assert.ErrorIs(t, err, ErrClosed)
	require.NoError(t, p.Close(ctx), "a second Close has nothing to wait for")
}

func TestCloseWaitsForLeases(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	c := l.Conn()

	done := make(chan error)
	go func() { done <- p.Close(context.Background()) }()
	waitFor(t, "close started", p.closing.Load)
	select {
	case err := <-done:
		t.Fatalf("Close returned %v with connections out", err)
	case <-time.After(10 * time.Millisecond):
	}
	assert.NotPanics(t, func() { l.Conn() }, "a lease stays usable while Close waits")
	l.Recycle()
	r.Release()
	require.NoError(t, <-done)
	assert.EqualValues(t, 1, c.closes.Load())
	assert.Zero(t, c.resets.Load(), "not reset: it is closed, not reused")
	assert.EqualValues(t, 2, p.Stats().Closed.Shutdown)
}

func TestCloseTimesOutAndForces(t *testing.T) {
	db := &fakeDB{}
	cfg := Config[*fakeConn]{Connect: db.connect, MaxConns: 2, TrackLeaks: true}
	p, err := New(cfg)
	require.NoError(t, err)
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	c := l.Conn()

	err = p.Close(ctxTimeout(t, 20*time.Millisecond))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.ErrorContains(t, err, "2 connections still out")
	assert.EqualValues(t, 1, c.closes.Load(), "closed under its holder")
	st := p.Stats()
	assert.Equal(t, 0, st.Total+st.InUse+st.Reserved)
	assert.EqualValues(t, 2, st.Closed.Shutdown)

	// The holders still hold their handles: VerifyNone names them.
	var tb fakeTB
	VerifyNone(&tb, p)
	assert.Contains(t, tb.msg, "2 connections still out")
	assert.Contains(t, tb.msg, "(force-closed by Pool.Close)")
	assert.Contains(t, tb.msg, "TestCloseTimesOutAndForces")

	assert.Same(t, c, l.Conn(), "still the holder's, though closed")
	l.Recycle()
	r.Release()
	r.Discard()
	db.requireAllClosedOnce(t)
	requireEmpty(t, p)
	require.NoError(t, p.Close(context.Background()))
}

func TestCloseWakesWaiters(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	errc := make(chan error)
	go func() {
		_, err := p.Get(context.Background())
		errc <- err
	}()
	waitFor(t, "waiter queued", waiting(p, 1))
	done := make(chan error)
	go func() { done <- p.Close(context.Background()) }()
	assert.ErrorIs(t, <-errc, ErrClosed)
	held.Recycle()
	require.NoError(t, <-done)
}

func TestCloseWhileConnecting(t *testing.T) {
	db := &fakeDB{gate: make(chan struct{})}
	p := newTestPool(t, db, Config[*fakeConn]{})
	errc := make(chan error)
	go func() {
		_, err := p.Get(context.Background())
		errc <- err
	}()
	waitFor(t, "connect started", func() bool { return db.tries.Load() == 1 })
	done := make(chan error)
	go func() { done <- p.Close(context.Background()) }()
	waitFor(t, "close started", p.closing.Load)
	select {
	case err := <-done:
		t.Fatalf("Close returned %v with a connect in flight", err)
	case <-time.After(10 * time.Millisecond):
	}
	close(db.gate)
	assert.ErrorIs(t, <-errc, ErrClosed, "the new connection has nowhere to go")
	require.NoError(t, <-done)
	db.requireAllClosedOnce(t)
	assert.EqualValues(t, 1, p.Stats().Closed.Shutdown)
}

// A release that races Close must end with the connection closed exactly
// once, whichever side gets there first.
func TestReleaseRacesForcedClose(t *testing.T) {
	for range 50 {
		db := &fakeDB{}
		p, err := New(Config[*fakeConn]{Connect: db.connect, MaxConns: 4})
		require.NoError(t, err)
		ls := getN(t, p, 4)
		released := make(chan struct{})
		go func() {
			defer close(released)
			for _, l := range ls {
				l.Recycle()
			}
		}()
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Microsecond)
		_ = p.Close(ctx)
		cancel()
		<-released
		require.NoError(t, p.Close(context.Background()))
		requireEmpty(t, p)
		db.requireAllClosedOnce(t)
	}
}

// fakeTB records what VerifyNone reports.
type fakeTB struct{ msg string }

func (*fakeTB) Helper() {}
func (tb *fakeTB) Errorf(format string, args ...any) {
	tb.msg += fmt.Sprintf(format, args...)
}

// A Recycle that passed its closing check just before Close started reaches
// the lock after it: the connection must be closed, not pooled, and Close's
// force must leave it to that Recycle.
func TestRecycleStraddlesClose(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	require.True(t, l.h.claim()) // Recycle, up to its checks

	err = p.Close(ctxTimeout(t, 10*time.Millisecond))
	require.ErrorContains(t, err, "0 connections still out", "a releasing slot is not forced")

	p.mu.Lock()
	p.putBack(l.h.s) // Recycle, from the lock on
	require.NoError(t, p.Close(context.Background()))
	assert.EqualValues(t, 1, p.Stats().Closed.Shutdown)
}

type failCloseConn struct{ plainConn }

var errClose = errors.New("fake: close failed")

func (c *failCloseConn) Close() error {
	c.plainConn.Close()
	return errClose
}

func TestCloseErrorsCounted(t *testing.T) {
	p, err := New(Config[*failCloseConn]{
		MaxConns: 2,
		Connect:  func(context.Context) (*failCloseConn, error) { return &failCloseConn{}, nil },
	})
	require.NoError(t, err)
	a, err := p.Get(context.Background())
	require.NoError(t, err)
	b, err := p.Get(context.Background())
	require.NoError(t, err)
	a.Discard()
	assert.EqualValues(t, 1, p.Stats().CloseErrors)
	require.Error(t, p.Close(ctxTimeout(t, time.Millisecond)))
	assert.EqualValues(t, 2, p.Stats().CloseErrors, "forced close counted too")
	b.Recycle()
	requireEmpty(t, p)
}
