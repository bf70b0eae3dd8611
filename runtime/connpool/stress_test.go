package connpool

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Every fault at once, from several goroutines: connects failing
// intermittently, connections breaking mid-use (IsValid false, ResetSession
// failing), holders giving up while waiting, discards. At the end the
// cleanup checks that every connection was closed exactly once, for exactly
// one reason, and that nothing is left anywhere in the pool.
func TestFaultInjectionStress(t *testing.T) {
	db := &fakeDB{fail: func(n int64) bool { return n%4 == 0 }}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 3})
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 4))
			for range 300 {
				ctx, cancel := context.WithTimeout(context.Background(), time.Duration(rng.IntN(200))*time.Microsecond)
				var (
					c       *fakeConn
					release func()
					discard func()
					err     error
				)
				if rng.IntN(3) == 0 {
					var r *Reserved[*fakeConn]
					if r, err = p.Reserve(ctx); err == nil {
						c, release, discard = r.Conn(), r.Release, r.Discard
					}
				} else {
					var l *Lease[*fakeConn]
					if l, err = p.Get(ctx); err == nil {
						c, release, discard = l.Conn(), l.Recycle, l.Discard
					}
				}
				cancel()
				if err != nil {
					if !errors.Is(err, errConnect) && !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("unexpected error: %v", err)
					}
					continue
				}
				switch rng.IntN(10) {
				case 0:
					c.broken.Store(true)
				case 1:
					c.failReset.Store(true)
				}
				if rng.IntN(10) == 0 {
					discard()
					// A discarded slot is dead for good, so a late release
					// through its handle is a no-op however long it comes
					// after. (After a Recycle that holds only until the
					// connection is checked out handleRing more times:
					// TestDoubleReleaseIsNoop and TestRacingReleases.)
					release()
				} else {
					release()
				}
			}
		})
	}
	wg.Wait()
	st := p.Stats()
	assert.Equal(t, st.Total, st.Idle, "everything returned: %+v", st)
	assert.Positive(t, st.ConnectErrors)
	assert.Positive(t, st.Closed.Broken)
	assert.Positive(t, st.Closed.Discard)
}

// Two goroutines releasing the same handle at once (a deferred Recycle and a
// timeout path's Discard, say): exactly one wins, the connection is
// returned or closed exactly once.
func TestRacingReleases(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	for i := range 500 {
		l, err := p.Get(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for j := range 2 {
			wg.Go(func() {
				<-start
				if (i+j)%3 == 0 {
					l.Discard()
				} else {
					l.Recycle()
				}
			})
		}
		close(start)
		wg.Wait()
		st := p.Stats()
		if st.InUse != 0 || st.Total != st.Idle || st.Total > 1 {
			t.Fatalf("after racing releases: %+v", st)
		}
	}
}
