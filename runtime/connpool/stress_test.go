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
				} else {
					release()
				}
				release() // a second release is always a no-op
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
