package connpool

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"weak"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The soak tests replay the workload of vitessio/vitess#17808: a keyspace
// whose sessions use GET_LOCK, so a few connections stay reserved for the
// whole life of the process while the rest of the pool churns through
// get/recycle and reserve/release, and a session whose locks cannot be
// released (its reset fails) has its connection closed and replaced. Every
// connection owns a 16 KiB buffer, as a MySQL connection owns its
// bufio.Reader: that buffer is what the Vitess heap profiles showed piling
// up.

const (
	soakBufSize  = 16 << 10
	soakMaxConns = 16
	soakHeld     = 3 // reservations held for the whole run

	// soakBound is the live-heap growth a correct pool may show over the
	// measured phase. A correct pool holds at most soakMaxConns connections,
	// so between two measurements its live connections differ by at most
	// 16 x (16 KiB buffer + ~0.5 KiB slot) ~ 270 KiB. The weak pointers that
	// watch the closed connections add 8 bytes each (~40 KiB at 10^5
	// cycles; their slice is allocated before the first measurement).
	// 1 MiB leaves room for runtime noise. The buggy twin pins ~25% of the
	// closed connections: ~19 MiB at 10^5 cycles, ~4 MiB in -short.
	soakBound = 1 << 20
)

type soakConn struct {
	buf       []byte
	failReset bool // written by its holder only, before Release
	closed    *soakClosed
}

func (c *soakConn) Close() error {
	c.closed.add(c)
	return nil
}

func (c *soakConn) ResetSession(context.Context) error {
	if c.failReset {
		return errors.New("soak: session locks could not be released")
	}
	return nil
}

// soakClosed counts closed connections and keeps a weak pointer to each,
// to find out after a GC whether any is still reachable.
type soakClosed struct {
	mu      sync.Mutex
	tracked []weak.Pointer[soakConn]
}

func (sc *soakClosed) add(c *soakConn) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if len(sc.tracked) < cap(sc.tracked) { // never grow the slice mid-measurement
		sc.tracked = append(sc.tracked, weak.Make(c))
	}
}

// reachable counts the closed connections that survived a GC, among those
// closed since mark.
func (sc *soakClosed) reachable(mark int) (alive, closed int) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	for _, w := range sc.tracked[mark:] {
		if w.Value() != nil {
			alive++
		}
	}
	return alive, len(sc.tracked) - mark
}

func (sc *soakClosed) count() int {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return len(sc.tracked)
}

// soakVariant says which of Vitess v19's omissions the pool is made to
// repeat. The pool itself has no switch for them: soakPool re-creates them
// from outside, in this test file only.
type soakVariant struct {
	name           string
	popKeepsNext   bool // Vitess v19's Pop
	closeKeepsRefs bool // Vitess v19's closed node kept its Conn and next
}

var (
	soakFixed = soakVariant{name: "fixed"}
	// The seed bug as Vitess v19 shipped it: neither link cleared.
	soakV19 = soakVariant{name: "v19 twin", popKeepsNext: true, closeKeepsRefs: true}
	// Only Pop regressed: zeroing closed slots must still cut the chain.
	soakPopOnly = soakVariant{name: "pop bug only", popKeepsNext: true}
)

// soakPool is what the soak workloads drive: the real pool, or (for a
// variant with an omission) the buggy twin, a wrapper that puts back by
// hand, under the pool's lock, the references the pool has just cleared.
// The twin's bookkeeping assumes one goroutine and no background worker,
// which is how the deterministic replay runs it; it panics if the pool does
// something it cannot mirror.
type soakPool struct {
	p *Pool[*soakConn]
	v soakVariant
}

// checkout runs Get or Reserve; in the twin, the slot popped off the idle
// stack keeps its link to the slot that was below it, as v19's Pop did.
func (sp soakPool) checkout(get func() (*slot[*soakConn], error)) *slot[*soakConn] {
	if !sp.v.popKeepsNext {
		s, err := get()
		if err != nil {
			panic(err)
		}
		return s
	}
	sp.p.mu.Lock()
	top := sp.p.idle.top
	var below *slot[*soakConn]
	if top != nil {
		below = top.next
	}
	sp.p.mu.Unlock()
	s, err := get()
	if err != nil {
		panic(err)
	}
	if top != nil && s != top {
		panic("soak twin: the pool did not hand out the top of its idle stack")
	}
	sp.p.mu.Lock()
	s.next = below
	sp.p.mu.Unlock()
	return s
}

func (sp soakPool) get(ctx context.Context) *Lease[*soakConn] {
	return soakCheckout(sp, func() (*Lease[*soakConn], error) { return sp.p.Get(ctx) },
		func(l *Lease[*soakConn]) *slot[*soakConn] { return l.h.s })
}

func (sp soakPool) reserve(ctx context.Context) *Reserved[*soakConn] {
	return soakCheckout(sp, func() (*Reserved[*soakConn], error) { return sp.p.Reserve(ctx) },
		func(r *Reserved[*soakConn]) *slot[*soakConn] { return r.h.s })
}

// soakCheckout runs one Get or Reserve (acquire) through sp.checkout.
func soakCheckout[H any](sp soakPool, acquire func() (H, error), slotOf func(H) *slot[*soakConn]) H {
	var h H
	sp.checkout(func() (*slot[*soakConn], error) {
		var err error
		if h, err = acquire(); err != nil {
			return nil, err
		}
		return slotOf(h), nil
	})
	return h
}

// release runs a Recycle, Release or Discard of s; in the twin, a slot that
// it closed keeps its connection and link, as v19's closed nodes did.
func (sp soakPool) release(s *slot[*soakConn], release func()) {
	if !sp.v.closeKeepsRefs {
		release()
		return
	}
	sp.p.mu.Lock()
	conn, next := s.conn, s.next
	sp.p.mu.Unlock()
	release()
	sp.p.mu.Lock()
	if s.state == stClosed {
		s.conn, s.next = conn, next
	}
	sp.p.mu.Unlock()
}

func (sp soakPool) recycle(l *Lease[*soakConn])       { sp.release(l.h.s, l.Recycle) }
func (sp soakPool) endSession(r *Reserved[*soakConn]) { sp.release(r.h.s, r.Release) }

type soakResult struct {
	variant       soakVariant
	cycles        int
	growth        int64 // live heap after minus before, bytes
	alive, closed int   // closed connections still reachable after GC, of those closed
}

func (r soakResult) String() string {
	return fmt.Sprintf("%-13s cycles=%d closed=%d still reachable=%d live heap growth=%+.1f KiB",
		r.variant.name, r.cycles, r.closed, r.alive, float64(r.growth)/1024)
}

func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

func soakCycles() int {
	if testing.Short() {
		return 20_000
	}
	return 100_000
}

// soak builds a pool of the variant, warms it up, takes the held
// reservations, then measures the live heap across cycles of churn.
func soak(t *testing.T, v soakVariant, cycles int, churn func(soakPool, int)) soakResult {
	closed := &soakClosed{tracked: make([]weak.Pointer[soakConn], 0, cycles)}
	p, err := New(Config[*soakConn]{
		MaxConns: soakMaxConns,
		Connect: func(context.Context) (*soakConn, error) {
			return &soakConn{buf: make([]byte, soakBufSize), closed: closed}, nil
		},
	})
	require.NoError(t, err)
	// No worker runs (no time limits), so the twin's wrapper sees every
	// change to the idle stack.
	sp := soakPool{p: p, v: v}
	ctx := context.Background()

	churn(sp, cycles/10)
	// Take the long-held reservations off a stack several deep, as a busy
	// pool's would be, so that (in the twin) they link into it.
	var ls []*Lease[*soakConn]
	for range soakHeld + 3 {
		ls = append(ls, sp.get(ctx))
	}
	for _, l := range ls {
		sp.recycle(l)
	}
	clear(ls)
	var held []*Reserved[*soakConn]
	for range soakHeld {
		held = append(held, sp.reserve(ctx))
	}

	mark := closed.count()
	before := liveHeap()
	churn(sp, cycles)
	after := liveHeap()
	alive, n := closed.reachable(mark)

	for _, r := range held {
		sp.endSession(r)
	}
	require.NoError(t, p.Close(ctx))
	return soakResult{variant: v, cycles: cycles, growth: after - before, alive: alive, closed: n}
}

// replay is the Vitess workload, deterministic: one goroutine plays the
// interleavings, drawn from a fixed seed, so every run of a variant pins the
// same connections. Each round 2-4 queries run at once (leases, all
// recycled, in random order); then, 3 rounds in 10, a GET_LOCK session
// reserves a connection, and half of those sessions fail to release their
// locks, so the connection is closed. About 1 pair in 20 closes.
func replay(seed uint64) func(soakPool, int) {
	rng := rand.New(rand.NewPCG(seed, 17808))
	return func(sp soakPool, cycles int) {
		ctx := context.Background()
		ls := make([]*Lease[*soakConn], 0, 4)
		for done := 0; done < cycles; {
			for range 2 + rng.IntN(3) {
				l := sp.get(ctx)
				l.Conn().buf[rng.IntN(soakBufSize)]++
				ls = append(ls, l)
			}
			rng.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
			for _, l := range ls {
				sp.recycle(l)
			}
			done += len(ls)
			clear(ls) // released handles must not outlive the round here either
			ls = ls[:0]
			if rng.IntN(10) < 3 {
				r := sp.reserve(ctx)
				c := r.Conn()
				c.buf[rng.IntN(soakBufSize)]++
				c.failReset = rng.IntN(2) == 0
				sp.endSession(r)
				done++
			}
		}
	}
}

func TestSoakHeapStaysFlat(t *testing.T) {
	cycles := soakCycles()
	var rs []soakResult
	for _, v := range []soakVariant{soakFixed, soakV19, soakPopOnly} {
		r := soak(t, v, cycles, replay(1))
		t.Log(r)
		rs = append(rs, r)
	}
	fixed, twin, popOnly := rs[0], rs[1], rs[2]

	require.Greater(t, fixed.closed, cycles/50, "the workload must close connections")
	assert.Less(t, fixed.growth, int64(soakBound), "fixed pool: live heap grew")
	assert.Zero(t, fixed.alive, "fixed pool: closed connections still reachable")
	assert.Less(t, popOnly.growth, int64(soakBound), "zeroing closed slots alone must cut the chain")
	assert.Zero(t, popOnly.alive)

	// The measurement must be able to fail: the twin leaks under it.
	assert.Greater(t, twin.growth, int64(soakBound), "v19 twin: the leak should show in the live heap")
	assert.Greater(t, twin.alive, twin.closed/10, "v19 twin: closed connections should be pinned")
}

// The fixed pool under real concurrency, with every way of closing a
// connection: 4 goroutines hold up to 3 leases at once (1 in 20 discarded,
// a broken pipe) or a reservation (1 in 4 fails its reset).
func TestSoakConcurrentChurn(t *testing.T) {
	cycles := soakCycles()
	r := soak(t, soakFixed, cycles, concurrentChurn)
	t.Log(r)
	require.Greater(t, r.closed, cycles/50)
	assert.Less(t, r.growth, int64(soakBound))
	assert.Zero(t, r.alive)
}

// The same churn while MaxConns moves between 4 (one connection beside the
// held reservations) and 16 and MinIdle between 0 and 2: shrinking closes
// connections as they come back, growing hands capacity to waiters. The
// live heap must stay as flat, and nothing closed stay reachable.
func TestSoakResizeChurn(t *testing.T) {
	cycles := soakCycles()
	var resizes, shrinkCloses int
	r := soak(t, soakFixed, cycles, func(sp soakPool, cycles int) {
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(15, 15))
			for {
				select {
				case <-done:
					return
				default:
				}
				n := soakHeld + 1 + rng.IntN(soakMaxConns-soakHeld)
				idle := rng.IntN(3)
				_ = sp.p.SetMinIdle(0) // always valid: lets any MaxConns through
				if err := sp.p.SetMaxConns(n); err != nil {
					panic(err)
				}
				if err := sp.p.SetMinIdle(idle); err != nil {
					panic(err)
				}
				resizes++
				time.Sleep(20 * time.Microsecond)
			}
		})
		concurrentChurn(sp, cycles)
		close(done)
		wg.Wait()
		// Back to where soak's bound assumes it is before measuring.
		if err := sp.p.SetMaxConns(soakMaxConns); err != nil {
			panic(err)
		}
		shrinkCloses = int(sp.p.Stats().Closed.Shrink)
	})
	t.Logf("%v resizes=%d closed by shrinking=%d", r, resizes, shrinkCloses)
	require.Greater(t, r.closed, cycles/50)
	assert.Greater(t, resizes, 100)
	assert.Positive(t, shrinkCloses)
	assert.Less(t, r.growth, int64(soakBound))
	assert.Zero(t, r.alive)
}

// concurrentChurn is the Vitess workload with real goroutines, on the real
// pool (the twin's wrapper is for one goroutine).
func concurrentChurn(sp soakPool, cycles int) {
	p := sp.p
	var (
		wg   sync.WaitGroup
		left atomic.Int64
	)
	left.Store(int64(cycles))
	for w := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 17807))
			ctx := context.Background()
			ls := make([]*Lease[*soakConn], 0, 3)
			for left.Load() > 0 {
				if rng.IntN(10) < 7 {
					for range 1 + rng.IntN(3) {
						l, err := p.Get(ctx)
						if err != nil {
							panic(err)
						}
						l.Conn().buf[rng.IntN(soakBufSize)]++
						ls = append(ls, l)
					}
					for _, l := range ls {
						if rng.IntN(20) == 0 {
							l.Discard()
						} else {
							l.Recycle()
						}
					}
					left.Add(-int64(len(ls)))
					clear(ls)
					ls = ls[:0]
					continue
				}
				r, err := p.Reserve(ctx)
				if err != nil {
					panic(err)
				}
				r.Conn().failReset = rng.IntN(4) == 0
				r.Release()
				left.Add(-1)
			}
		})
	}
	wg.Wait()
}

// The twin must repeat both of v19's omissions, and the real pool neither,
// or the soak test's proof that it can see the leak would prove nothing.
func TestSoakTwinRepeatsV19(t *testing.T) {
	for _, v := range []soakVariant{soakFixed, soakV19} {
		t.Run(v.name, func(t *testing.T) {
			closed := &soakClosed{tracked: make([]weak.Pointer[soakConn], 0, 1)}
			p, err := New(Config[*soakConn]{
				MaxConns: 2,
				Connect: func(context.Context) (*soakConn, error) {
					return &soakConn{closed: closed}, nil
				},
			})
			require.NoError(t, err)
			sp := soakPool{p: p, v: v}
			ctx := context.Background()
			a, b := sp.get(ctx), sp.get(ctx)
			below, popped := a.h.s, b.h.s
			sp.recycle(a)
			sp.recycle(b) // the stack is now b, a
			r := sp.reserve(ctx)
			require.Same(t, popped, r.h.s)
			p.mu.Lock()
			linked := popped.next
			p.mu.Unlock()
			r.Conn().failReset = true
			sp.endSession(r) // closes it
			p.mu.Lock()
			closedLink, closedConn := popped.next, popped.conn
			p.mu.Unlock()
			if v.popKeepsNext {
				assert.Same(t, below, linked, "pop keeps the link")
				assert.Same(t, below, closedLink, "a closed slot keeps its link")
				assert.NotNil(t, closedConn, "a closed slot keeps its connection")
			} else {
				assert.Nil(t, linked)
				assert.Nil(t, closedLink)
				assert.Nil(t, closedConn)
			}
			require.NoError(t, p.Close(ctx))
		})
	}
}
