package connpool

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// VerifyNone must accept a real testing.TB.
var _ TB = testing.TB(nil)

func TestVerifyNone(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	ctx := context.Background()

	var tb fakeTB
	VerifyNone(&tb, p)
	assert.Empty(t, tb.msg, "nothing out")

	l, err := p.Get(ctx)
	require.NoError(t, err)
	r := leakyHelper(t, p)
	VerifyNone(&tb, p)
	assert.Contains(t, tb.msg, "connpool: 2 connections still out:")
	assert.Contains(t, tb.msg, "lease #")
	assert.Contains(t, tb.msg, "reservation #")
	assert.Contains(t, tb.msg, "connpool.TestVerifyNone\n")
	assert.Contains(t, tb.msg, "connpool.leakyHelper\n", "the acquiring frame comes first")
	assert.NotContains(t, tb.msg, "connpool.(*Pool[...]).Get", "the pool's own frames are skipped")
	assert.NotContains(t, tb.msg, "TrackLeaks")

	l.Recycle()
	r.Release()
	tb = fakeTB{}
	VerifyNone(&tb, p)
	assert.Empty(t, tb.msg)
}

func leakyHelper(t *testing.T, p *Pool[*fakeConn]) *Reserved[*fakeConn] {
	r, err := p.Reserve(context.Background())
	require.NoError(t, err)
	return r
}

func TestVerifyNoneWithoutTracking(t *testing.T) {
	p, err := New(Config[*plainConn]{
		MaxConns: 1,
		Connect:  func(context.Context) (*plainConn, error) { return &plainConn{}, nil },
	})
	require.NoError(t, err)
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	var tb fakeTB
	VerifyNone(&tb, p)
	assert.Contains(t, tb.msg, "connpool: 1 connections still out (set Config.TrackLeaks to record where):")
	assert.Contains(t, tb.msg, "acquired at an unknown place")
	l.Recycle()
	require.NoError(t, p.Close(context.Background()))
}
