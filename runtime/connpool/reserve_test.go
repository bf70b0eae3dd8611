package connpool

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReserveReleaseResetsAndReturns(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	c := r.Conn()
	assert.Equal(t, Stats{MaxConns: 4, Total: 1, Reserved: 1, Opened: 1}, p.Stats())
	r.Release()
	assert.EqualValues(t, 1, c.resets.Load())
	assert.Equal(t, Stats{MaxConns: 4, Total: 1, Idle: 1, Opened: 1}, p.Stats())

	l, err := p.Get(context.Background())
	require.NoError(t, err)
	assert.Same(t, c, l.Conn(), "a reset reservation is reused")
	l.Recycle()
}

func TestReleaseClosesWhatCannotBeReset(t *testing.T) {
	t.Run("reset fails", func(t *testing.T) {
		db := &fakeDB{}
		p := newTestPool(t, db, Config[*fakeConn]{})
		r, err := p.Reserve(context.Background())
		require.NoError(t, err)
		c := r.Conn()
		c.failReset.Store(true) // e.g. RELEASE_ALL_LOCKS failed
		r.Release()
		assert.EqualValues(t, 1, c.closes.Load())
		assert.EqualValues(t, 1, p.Stats().Closed.Broken)
		assert.Equal(t, 0, p.Stats().Total)
	})
	t.Run("invalid", func(t *testing.T) {
		db := &fakeDB{}
		p := newTestPool(t, db, Config[*fakeConn]{})
		r, err := p.Reserve(context.Background())
		require.NoError(t, err)
		c := r.Conn()
		c.broken.Store(true)
		r.Release()
		assert.EqualValues(t, 1, c.closes.Load())
		assert.Zero(t, c.resets.Load())
		assert.EqualValues(t, 1, p.Stats().Closed.Broken)
	})
	t.Run("no ResetSession", func(t *testing.T) {
		p, err := New(Config[*plainConn]{
			MaxConns: 1,
			Connect:  func(context.Context) (*plainConn, error) { return &plainConn{}, nil },
		})
		require.NoError(t, err)
		r, err := p.Reserve(context.Background())
		require.NoError(t, err)
		c := r.Conn()
		r.Release()
		assert.EqualValues(t, 1, c.closes.Load(), "session state cannot be cleared: closed")
		st := p.Stats()
		assert.EqualValues(t, 1, st.Closed.Tainted)
		assert.Equal(t, 0, st.Total)
		require.NoError(t, p.Close(context.Background()))
	})
}

func TestReservedDiscardAndDoubleRelease(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	c := r.Conn()
	r.Discard()
	r.Discard()
	r.Release()
	assert.EqualValues(t, 1, c.closes.Load())
	assert.Zero(t, c.resets.Load())
	st := p.Stats()
	assert.EqualValues(t, 1, st.Closed.Discard)
	assert.Equal(t, 0, st.Total+st.Reserved)
	assert.PanicsWithValue(t, "connpool: Reserved.Conn called after Release, Discard or Hijack", func() { r.Conn() })

	r, err = p.Reserve(context.Background())
	require.NoError(t, err)
	r.Release()
	r.Release()
	assert.Equal(t, 1, p.Stats().Idle)

	var nilRes *Reserved[*fakeConn]
	nilRes.Release()
	nilRes.Discard()
}

// A reservation held while the pool churns must keep only its own
// connection: its slot left the idle stack with a cleared link.
func TestReservationPinsNothing(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 4})
	ctx := context.Background()
	ls := getN(t, p, 4)
	for _, l := range ls {
		l.Recycle()
	}
	r, err := p.Reserve(ctx) // popped off a 4-deep stack
	require.NoError(t, err)
	assert.Nil(t, r.h.s.next)
	r.Release()
}
