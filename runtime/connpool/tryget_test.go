package connpool

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTryGet(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 2})
	ctx := context.Background()

	a, err := p.TryGet(ctx)
	require.NoError(t, err, "capacity left: it connects")
	b, err := p.TryGet(ctx)
	require.NoError(t, err)
	none, err := p.TryGet(ctx)
	require.ErrorIs(t, err, ErrExhausted, "all out: fails at once")
	assert.Nil(t, none)
	st := p.Stats()
	assert.Zero(t, st.WaitCount, "it never queued")
	assert.Equal(t, 2, st.InUse)

	ca := a.Conn()
	a.Recycle()
	c, err := p.TryGet(ctx)
	require.NoError(t, err)
	assert.Same(t, ca, c.Conn(), "an idle connection is reused")
	c.Recycle()
	b.Recycle()
	assert.Equal(t, 2, db.opened())
}

// Waiters exist only while everything is out, so TryGet cannot take a
// connection a waiter is owed.
func TestTryGetDoesNotJumpTheQueue(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	got := queueGet(t, p, 1)
	_, err = p.TryGet(context.Background())
	require.ErrorIs(t, err, ErrExhausted)
	held.Recycle()
	l := <-got
	_, err = p.TryGet(context.Background())
	require.ErrorIs(t, err, ErrExhausted, "the waiter got the connection")
	l.Recycle()
}

func TestTryGetFailsLikeGet(t *testing.T) {
	db := &fakeDB{fail: func(n int64) bool { return n == 1 }}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	_, err := p.TryGet(context.Background())
	require.ErrorIs(t, err, errConnect)
	assert.Zero(t, p.Stats().Total, "a failed connect gives its capacity back")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = p.TryGet(ctx)
	require.ErrorIs(t, err, context.Canceled)

	require.NoError(t, p.Close(context.Background()))
	_, err = p.TryGet(context.Background())
	require.ErrorIs(t, err, ErrClosed)
}

func TestTryGetTrackedWhereCalled(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	l, err := p.TryGet(context.Background())
	require.NoError(t, err)
	var tb fakeTB
	VerifyNone(&tb, p)
	assert.Contains(t, tb.msg, "connpool.TestTryGetTrackedWhereCalled\n", "the acquiring frame comes first")
	assert.NotContains(t, tb.msg, "connpool.(*Pool[...]).")
	l.Recycle()
}
