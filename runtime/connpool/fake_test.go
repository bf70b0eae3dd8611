package connpool

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	errConnect = errors.New("fake: connect refused")
	errReset   = errors.New("fake: reset failed")
)

// fakeConn implements Conn, ResetSession and IsValid, with knobs to break it.
type fakeConn struct {
	id        int64
	broken    atomic.Bool // IsValid reports false
	failReset atomic.Bool // ResetSession fails
	resets    atomic.Int64
	closes    atomic.Int32
}

func (c *fakeConn) Close() error {
	c.closes.Add(1)
	return nil
}

func (c *fakeConn) IsValid() bool { return !c.broken.Load() }

func (c *fakeConn) ResetSession(ctx context.Context) error {
	c.resets.Add(1)
	if c.failReset.Load() {
		return errReset
	}
	return ctx.Err()
}

// plainConn has none of the optional methods.
type plainConn struct {
	closes atomic.Int32
}

func (c *plainConn) Close() error {
	c.closes.Add(1)
	return nil
}

// fakeDB hands out fakeConns and remembers them, to check at the end that
// each was closed exactly once.
type fakeDB struct {
	mu    sync.Mutex
	conns []*fakeConn
	tries atomic.Int64
	// fail, if set, decides whether connect attempt n (1-based) fails.
	fail func(n int64) bool
	// gate, if set, holds every connect until it is closed or ctx ends.
	gate chan struct{}
}

func (db *fakeDB) connect(ctx context.Context) (*fakeConn, error) {
	n := db.tries.Add(1)
	if db.gate != nil {
		select {
		case <-db.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if db.fail != nil && db.fail(n) {
		return nil, errConnect
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	c := &fakeConn{id: int64(len(db.conns) + 1)}
	db.conns = append(db.conns, c)
	return c, nil
}

func (db *fakeDB) opened() int {
	db.mu.Lock()
	defer db.mu.Unlock()
	return len(db.conns)
}

// requireAllClosedOnce checks that the pool closed every connection it
// opened, and none twice.
func (db *fakeDB) requireAllClosedOnce(t *testing.T) {
	t.Helper()
	db.mu.Lock()
	defer db.mu.Unlock()
	for _, c := range db.conns {
		require.EqualValues(t, 1, c.closes.Load(), "conn %d closed %d times", c.id, c.closes.Load())
	}
}

// newTestPool builds a pool over db, closed at the end of the test, with
// leak tracking on and the whole-pool invariants checked after Close.
func newTestPool(t *testing.T, db *fakeDB, cfg Config[*fakeConn]) *Pool[*fakeConn] {
	t.Helper()
	cfg.Connect = db.connect
	cfg.TrackLeaks = true
	if cfg.MaxConns == 0 {
		cfg.MaxConns = 4
	}
	p, err := New(cfg)
	require.NoError(t, err)
	t.Cleanup(func() {
		VerifyNone(t, p)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		require.NoError(t, p.Close(ctx))
		requireEmpty(t, p)
		db.requireAllClosedOnce(t)
	})
	return p
}

// requireEmpty checks a closed, drained pool holds nothing at all.
func requireEmpty[C Conn](t *testing.T, p *Pool[C]) {
	t.Helper()
	st := p.Stats()
	require.Zero(t, st.Total, "total")
	require.Zero(t, st.Idle+st.InUse+st.Reserved+st.Waiting)
	c := st.Closed
	require.Equal(t, st.Opened, c.Idle+c.Lifetime+c.Broken+c.Discard+c.Tainted+c.Shutdown+c.Shrink+st.Hijacked,
		"every connection opened was closed once, for one reason, or hijacked: %+v", st)
	p.mu.Lock()
	defer p.mu.Unlock()
	require.Empty(t, p.all)
	require.Nil(t, p.idle.top)
	require.Nil(t, p.waiters.head)
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// waitFor polls cond; tests use it instead of sleeping a guessed time.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	require.Eventually(t, cond, 5*time.Second, time.Millisecond, what)
}

// getN checks out n connections.
func getN[C Conn](t *testing.T, p *Pool[C], n int) []*Lease[C] {
	t.Helper()
	ls := make([]*Lease[C], 0, n)
	for range n {
		l, err := p.Get(context.Background())
		require.NoError(t, err)
		ls = append(ls, l)
	}
	return ls
}

// queueGet starts a Get that has to wait and returns once it is queued, as
// the pool's nth waiter; the channel delivers its lease.
func queueGet(t *testing.T, p *Pool[*fakeConn], n int) <-chan *Lease[*fakeConn] {
	t.Helper()
	got := make(chan *Lease[*fakeConn], 1)
	go func() {
		l, err := p.Get(context.Background())
		assert.NoError(t, err)
		got <- l
	}()
	waitFor(t, "waiter queued", waiting(p, n))
	return got
}

func waiting[C Conn](p *Pool[C], n int) func() bool {
	return func() bool { return p.Stats().Waiting == n }
}
