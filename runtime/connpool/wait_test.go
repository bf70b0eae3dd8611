package connpool

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWaitersServedFIFO(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	ctx := context.Background()
	held, err := p.Get(ctx)
	require.NoError(t, err)

	const n = 5
	var (
		mu    sync.Mutex
		order []int
		wg    sync.WaitGroup
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := p.Get(ctx)
			if !assert.NoError(t, err) {
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			l.Recycle()
		}()
		// Queue them one at a time so that their arrival order is known.
		waitFor(t, "waiter queued", waiting(p, i+1))
	}
	held.Recycle()
	wg.Wait()
	assert.Equal(t, []int{0, 1, 2, 3, 4}, order)
	st := p.Stats()
	assert.EqualValues(t, n, st.WaitCount)
	assert.Positive(t, st.WaitDuration)
	assert.Equal(t, 1, db.opened(), "one connection passed from hand to hand")
}

func TestWaiterCancelled(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() {
		l, err := p.Get(ctx)
		assert.Nil(t, l)
		errc <- err
	}()
	waitFor(t, "waiter queued", waiting(p, 1))
	cancel()
	assert.ErrorIs(t, <-errc, context.Canceled)
	assert.Equal(t, 0, p.Stats().Waiting, "a cancelled waiter leaves the queue")

	held.Recycle()
	assert.Equal(t, 1, p.Stats().Idle, "nobody to hand it to: it goes idle")
}

func TestWaiterDeadline(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Reserve(context.Background())
	require.NoError(t, err)
	_, err = p.Get(ctxTimeout(t, 10*time.Millisecond))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = p.Reserve(ctxTimeout(t, 10*time.Millisecond))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	held.Release()
}

func TestHandOffKeepsWaiterKind(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	got := make(chan *Reserved[*fakeConn])
	go func() {
		r, err := p.Reserve(context.Background())
		assert.NoError(t, err)
		got <- r
	}()
	waitFor(t, "waiter queued", waiting(p, 1))
	held.Recycle()
	r := <-got
	st := p.Stats()
	assert.Equal(t, 1, st.Reserved)
	assert.Equal(t, 0, st.InUse)
	r.Release()
}

func TestDiscardHandsCapacityToWaiter(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	first := held.Conn()
	got := queueGet(t, p, 1)
	held.Discard()
	l := <-got
	assert.NotSame(t, first, l.Conn(), "the waiter opened a new connection")
	assert.Equal(t, 1, p.Stats().Total)
	l.Recycle()
}

func TestWaiterConnectFails(t *testing.T) {
	db := &fakeDB{fail: func(n int64) bool { return n == 2 }}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)
	errc := make(chan error)
	go func() {
		_, err := p.Get(context.Background())
		errc <- err
	}()
	waitFor(t, "waiter queued", waiting(p, 1))
	held.Discard()
	assert.ErrorIs(t, <-errc, errConnect)
	assert.Equal(t, 0, p.Stats().Total, "capacity given back")
	l, err := p.Get(context.Background())
	require.NoError(t, err)
	l.Recycle()
}

// Cancellation racing with a hand-off must neither lose the connection nor
// the capacity. Hammer it with timeouts close to the hold time.
func TestCancelRacesHandOff(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 2})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				ctx, cancel := context.WithTimeout(context.Background(), time.Duration(g+i%7)*10*time.Microsecond)
				if i%3 == 0 {
					r, err := p.Reserve(ctx)
					if err == nil {
						r.Release()
					}
				} else {
					l, err := p.Get(ctx)
					if err == nil {
						if i%11 == 0 {
							l.Discard()
						} else {
							l.Recycle()
						}
					} else if !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("get: %v", err)
					}
				}
				cancel()
			}
		}()
	}
	wg.Wait()
	st := p.Stats()
	assert.Equal(t, st.Total, st.Idle, "everything returned: %+v", st)
	assert.Zero(t, st.Waiting)
	assert.LessOrEqual(t, st.Total, 2)
}

func TestWaiterCancelledMidQueue(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
	held, err := p.Get(context.Background())
	require.NoError(t, err)

	got := make(chan int, 2)
	errc := make(chan error)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup // the last Recycle must land before the leak check
	defer wg.Wait()
	for i, c := range []context.Context{context.Background(), ctx, context.Background()} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := p.Get(c)
			if err != nil {
				errc <- err
				return
			}
			got <- i
			l.Recycle()
		}()
		waitFor(t, "waiter queued", waiting(p, i+1))
	}
	cancel() // the middle one leaves; the queue closes up around it
	assert.ErrorIs(t, <-errc, context.Canceled)
	assert.Equal(t, 2, p.Stats().Waiting)
	held.Recycle()
	assert.Equal(t, 0, <-got)
	assert.Equal(t, 2, <-got)
}

// A grant that lands while the waiter is giving up (its ctx is done and it
// is queued on the lock) must go back to the pool: the connection, or the
// capacity to open one. The test holds the pool lock to stage the race.
func TestGrantRacesCancellation(t *testing.T) {
	for _, discard := range []bool{false, true} {
		db := &fakeDB{}
		p := newTestPool(t, db, Config[*fakeConn]{MaxConns: 1})
		held, err := p.Get(context.Background())
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		res := make(chan error)
		go func() {
			l, err := p.Get(ctx)
			if err == nil {
				l.Recycle() // the select picked the grant: fine too
			}
			res <- err
		}()
		waitFor(t, "waiter queued", waiting(p, 1))

		p.mu.Lock()
		cancel()
		time.Sleep(20 * time.Millisecond) // let the waiter see ctx.Done and block on the lock
		require.True(t, held.h.claim())
		s := held.h.s
		if discard {
			// What retire does once the connection is closed: the capacity
			// goes to the waiter.
			require.NoError(t, s.conn.Close())
			p.checkedInLocked(s)
			p.counts.closed[reasonDiscard]++
			p.forgetLocked(s)
			p.freeCapacityLocked()
		} else {
			p.checkedInLocked(s)
			p.putLocked(s)
		}
		p.mu.Unlock()
		// The staging ended held's checkout as Recycle or Discard would;
		// a release through it now must do nothing, whoever has the
		// connection by then.
		before := p.Stats()
		held.Recycle()
		assert.Equal(t, before.Closed, p.Stats().Closed)

		err = <-res
		if err != nil {
			assert.ErrorIs(t, err, context.Canceled)
		}
		st := p.Stats()
		assert.Equal(t, st.Total, st.Idle, "nothing lost: %+v", st)
		assert.LessOrEqual(t, st.Total, 1)
		l, err := p.Get(context.Background())
		require.NoError(t, err, "the pool still has its capacity")
		l.Recycle()
	}
}
