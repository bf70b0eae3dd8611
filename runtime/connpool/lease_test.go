package connpool

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetRecycleReusesConnection(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx := context.Background()

	l, err := p.Get(ctx)
	require.NoError(t, err)
	c := l.Conn()
	assert.Equal(t, Stats{MaxConns: 4, Total: 1, InUse: 1, Opened: 1}, p.Stats())
	l.Recycle()
	assert.EqualValues(t, 1, c.resets.Load(), "Recycle resets the session")
	assert.Equal(t, Stats{MaxConns: 4, Total: 1, Idle: 1, Opened: 1}, p.Stats())

	l2, err := p.Get(ctx)
	require.NoError(t, err)
	assert.Same(t, c, l2.Conn(), "idle connection reused")
	l2.Recycle()
	assert.Equal(t, 1, db.opened())
}

func TestIdleIsLIFO(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx := context.Background()
	a, err := p.Get(ctx)
	require.NoError(t, err)
	b, err := p.Get(ctx)
	require.NoError(t, err)
	ca, cb := a.Conn(), b.Conn()
	a.Recycle()
	b.Recycle()
	l, err := p.Get(ctx)
	require.NoError(t, err)
	assert.Same(t, cb, l.Conn(), "most recently recycled first")
	l2, err := p.Get(ctx)
	require.NoError(t, err)
	assert.Same(t, ca, l2.Conn())
	l.Recycle()
	l2.Recycle()
}

func TestDiscardClosesAndFreesSlot(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	ctx := context.Background()
	l, err := p.Get(ctx)
	require.NoError(t, err)
	c := l.Conn()
	l.Discard()
	assert.EqualValues(t, 1, c.closes.Load())
	assert.Zero(t, c.resets.Load(), "a discarded connection is not reset")
	st := p.Stats()
	assert.Equal(t, 0, st.Total)
	assert.EqualValues(t, 1, st.Closed.Discard)

	l, err = p.Get(ctx)
	require.NoError(t, err, "the slot is free again")
	assert.NotSame(t, c, l.Conn())
	l.Recycle()
}

func TestRecycleBrokenConnectionCloses(t *testing.T) {
	t.Run("IsValid false", func(t *testing.T) {
		db := &fakeDB{}
		p := newTestPool(t, db, Config[*fakeConn]{})
		l, err := p.Get(context.Background())
		require.NoError(t, err)
		c := l.Conn()
		c.broken.Store(true) // the connection broke mid-use
		l.Recycle()
		assert.EqualValues(t, 1, c.closes.Load())
		assert.Zero(t, c.resets.Load(), "a broken connection is not reset")
		st := p.Stats()
		assert.EqualValues(t, 1, st.Closed.Broken)
		assert.Equal(t, 0, st.Total)
	})
	t.Run("ResetSession fails", func(t *testing.T) {
		db := &fakeDB{}
		p := newTestPool(t, db, Config[*fakeConn]{})
		l, err := p.Get(context.Background())
		require.NoError(t, err)
		c := l.Conn()
		c.failReset.Store(true)
		l.Recycle()
		assert.EqualValues(t, 1, c.closes.Load())
		assert.EqualValues(t, 1, p.Stats().Closed.Broken)
	})
}

func TestGetSkipsConnectionThatBrokeWhileIdle(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx := context.Background()
	a, err := p.Get(ctx)
	require.NoError(t, err)
	b, err := p.Get(ctx)
	require.NoError(t, err)
	ca, cb := a.Conn(), b.Conn()
	a.Recycle()
	b.Recycle()
	cb.broken.Store(true) // e.g. the server timed it out

	l, err := p.Get(ctx)
	require.NoError(t, err)
	assert.Same(t, ca, l.Conn(), "the broken one is closed, the next one served")
	assert.EqualValues(t, 1, cb.closes.Load())
	assert.EqualValues(t, 1, p.Stats().Closed.Broken)
	l.Recycle()
}

func TestGetPlainConnection(t *testing.T) {
	p, err := New(Config[*plainConn]{
		MaxConns: 2,
		Connect:  func(context.Context) (*plainConn, error) { return &plainConn{}, nil },
	})
	require.NoError(t, err)
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	c := l.Conn()
	l.Recycle() // no ResetSession: a lease goes back as it is
	assert.Equal(t, 1, p.Stats().Idle)
	require.NoError(t, p.Close(context.Background()))
	assert.EqualValues(t, 1, c.closes.Load())
}

func TestDoubleReleaseIsNoop(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx := context.Background()

	l, err := p.Get(ctx)
	require.NoError(t, err)
	c := l.Conn()
	l.Recycle()
	l.Recycle()
	l.Discard()
	assert.Equal(t, 1, p.Stats().Idle, "pushed once")
	assert.Zero(t, c.closes.Load())

	l, err = p.Get(ctx)
	require.NoError(t, err)
	l.Discard()
	l.Discard()
	l.Recycle() // the `defer l.Recycle()` after an explicit Discard
	assert.EqualValues(t, 1, c.closes.Load())
	assert.Equal(t, 0, p.Stats().Total)

	var nilLease *Lease[*fakeConn]
	nilLease.Recycle()
	nilLease.Discard()
}

func TestStaleLeaseCannotTouchNewHolder(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	ctx := context.Background()

	old, err := p.Get(ctx)
	require.NoError(t, err)
	old.Recycle()
	cur, err := p.Get(ctx)
	require.NoError(t, err)
	require.NotSame(t, old, cur, "each checkout of a slot gets the next handle of its ring")

	old.Recycle() // stale: must not recycle cur's checkout
	old.Discard()
	assert.Equal(t, 1, p.Stats().InUse)
	assert.NotPanics(t, func() { cur.Conn() })
	assert.PanicsWithValue(t, "connpool: Lease.Conn called after Recycle, Discard or Hijack", func() { old.Conn() })
	cur.Recycle()
	assert.PanicsWithValue(t, "connpool: Lease.Conn called after Recycle, Discard or Hijack", func() { cur.Conn() })
}

// The documented limit of handle reuse: the ring has handleRing entries.
func TestHandleRingWrapsAfterRingSize(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	seen := map[*Lease[*fakeConn]]int{}
	for i := range handleRing + 1 {
		l, err := p.Get(context.Background())
		require.NoError(t, err)
		if j, ok := seen[l]; ok {
			assert.Equal(t, 0, j)
			assert.Equal(t, handleRing, i)
		}
		seen[l] = i
		l.Recycle()
	}
	assert.Len(t, seen, handleRing)
}

func TestGetDoneContext(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l, err := p.Get(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, l)
	assert.Zero(t, db.tries.Load(), "no connect attempted")
}

func TestConnectError(t *testing.T) {
	db := &fakeDB{fail: func(n int64) bool { return n == 1 }}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	ctx := context.Background()

	l, err := p.Get(ctx)
	require.ErrorIs(t, err, errConnect)
	assert.ErrorContains(t, err, "connpool: connect: ")
	assert.Nil(t, l)
	st := p.Stats()
	assert.EqualValues(t, 1, st.ConnectErrors)
	assert.Equal(t, 0, st.Total, "a failed connect gives its capacity back")

	l, err = p.Get(ctx)
	require.NoError(t, err)
	l.Recycle()
}

func TestZeroAllocGetRecycle(t *testing.T) {
	for _, track := range []bool{false, true} {
		p, err := New(Config[*plainConn]{
			MaxConns:   1,
			TrackLeaks: track,
			Connect:    func(context.Context) (*plainConn, error) { return &plainConn{}, nil },
		})
		require.NoError(t, err)
		ctx := context.Background()
		allocs := testing.AllocsPerRun(1000, func() {
			l, err := p.Get(ctx)
			if err != nil {
				panic(err)
			}
			_ = l.Conn()
			l.Recycle()
		})
		assert.Zero(t, allocs, "Get, TrackLeaks=%v", track)
		allocs = testing.AllocsPerRun(1000, func() {
			l, err := p.TryGet(ctx)
			if err != nil {
				panic(err)
			}
			l.Recycle()
		})
		assert.Zero(t, allocs, "TryGet, TrackLeaks=%v", track)
		require.NoError(t, p.Close(ctx))
	}
}
