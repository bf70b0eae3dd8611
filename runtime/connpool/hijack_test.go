package connpool

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHijackTakesConnectionOut(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	ctx := context.Background()
	l, err := p.Get(ctx)
	require.NoError(t, err)
	c := l.Hijack()
	l.Recycle() // a no-op once Hijack has run

	assert.Same(t, db.conns[0], c)
	assert.Zero(t, c.resets.Load(), "handed over as it is, not reset")
	assert.Equal(t, Stats{MaxConns: 1, Opened: 1, Hijacked: 1}, p.Stats(), "forgotten, capacity free")
	l.Discard() // also a no-op
	assert.PanicsWithValue(t, "connpool: Lease.Conn called after Recycle, Discard or Hijack", func() { l.Conn() })

	l2, err := p.Get(ctx)
	require.NoError(t, err, "the hijacked connection's place is free")
	assert.NotSame(t, c, l2.Conn())
	l2.Recycle()

	require.NoError(t, p.Close(ctx))
	assert.Zero(t, c.closes.Load(), "the pool never closes a hijacked connection")
	require.NoError(t, c.Close()) // it is ours now (and the cleanup checks every conn was closed once)
}

func TestReservedHijackKeepsSession(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	c := r.Hijack()
	r.Release() // no-op
	assert.Zero(t, c.resets.Load(), "a hijacked session keeps its state")
	assert.Zero(t, c.closes.Load())
	st := p.Stats()
	assert.Zero(t, st.Total+st.Reserved)
	assert.EqualValues(t, 1, st.Hijacked)
	assert.PanicsWithValue(t, "connpool: Reserved.Conn called after Release, Discard or Hijack", func() { r.Conn() })
	require.NoError(t, c.Close())
}

func TestHijackHandsCapacityToWaiter(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	got := queueGet(t, p, 1)
	c := held.Hijack()
	l := <-got
	assert.NotSame(t, c, l.Conn(), "the waiter opened its own connection")
	assert.Equal(t, 1, p.Stats().Total)
	l.Recycle()
	require.NoError(t, c.Close())
}

func TestHijackReleasedPanics(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	l.Recycle()
	assert.PanicsWithValue(t, "connpool: Lease.Hijack called after Recycle, Discard or Hijack", func() {
		l.Hijack()
	})
	assert.Equal(t, 1, p.Stats().Idle, "the recycled connection stays in the pool")

	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	r.Discard()
	assert.PanicsWithValue(t, "connpool: Reserved.Hijack called after Release, Discard or Hijack", func() {
		r.Hijack()
	})

	var nilLease *Lease[*fakeConn]
	assert.Panics(t, func() { nilLease.Hijack() })
	var nilRes *Reserved[*fakeConn]
	assert.Panics(t, func() { nilRes.Hijack() })
}

// Close waits for leases; a Hijack is one way for a lease to come back.
func TestHijackWhileClosing(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	done := make(chan error)
	go func() { done <- p.Close(context.Background()) }()
	waitFor(t, "close started", p.closing.Load)
	c := l.Hijack()
	require.NoError(t, <-done)
	assert.Zero(t, c.closes.Load(), "Close does not close what was hijacked")
	assert.EqualValues(t, 1, p.Stats().Hijacked)
	require.NoError(t, c.Close())
}

func TestHijackAfterForcedClose(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	require.Error(t, p.Close(ctxTimeout(t, time.Millisecond)))
	c := l.Hijack()
	assert.EqualValues(t, 1, c.closes.Load(), "returned as Close left it: closed")
	st := p.Stats()
	assert.Zero(t, st.Hijacked, "it was already off the books as closed")
	assert.EqualValues(t, 1, st.Closed.Shutdown)
	p.mu.Lock()
	assert.Empty(t, p.all, "the slot is forgotten")
	p.mu.Unlock()
}
