package refcycle_test

// These tests back every rule with a measured fact about the runtime: each
// builds the buggy shape and its fixed twin, drops what the program no
// longer uses, runs the collector, and counts the finalizers or cleanups
// that ran (or watches a weak pointer). A rule is only worth reporting if
// the buggy shape really retains memory and the twin really does not.
//
// The deliberate bugs below carry //connlint:ignore so that running
// connlint on connlint stays quiet.

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"weak"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const bufSize = 16 << 10 // the size of a vitess connection's read buffer

// settle runs the collector until *n reaches want or 50 rounds have
// passed, giving the cleanup and finalizer goroutines time to run, and
// returns *n. Cycles that must stay uncollected simply exhaust the rounds.
func settle(n *atomic.Int64, want int64) int64 {
	for range 50 {
		runtime.GC()
		if n.Load() >= want {
			break
		}
		time.Sleep(time.Millisecond)
	}
	return n.Load()
}

// stays runs a few more collections and returns *n. Tests call it after
// the correct twin has settled, which shows that the collector and the
// cleanup goroutine had their chance.
func stays(n *atomic.Int64) int64 {
	for range 5 {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return n.Load()
}

func count(n *atomic.Int64) { n.Add(1) }

// heapDelta reports how much more heap is in use after f than before.
func heapDelta(f func()) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// --- R1: a finalizer on a cycle.

type r1Conn struct {
	pool *r1Pool
	weak weak.Pointer[r1Pool]
	fd   int
	buf  []byte
}

type r1Pool struct{ conns []*r1Conn }

//go:noinline
func r1Build(n int, finalized *atomic.Int64, backRef, finalizer bool) weak.Pointer[r1Conn] {
	p := &r1Pool{}
	var w weak.Pointer[r1Conn]
	for i := range n {
		c := &r1Conn{fd: i, buf: make([]byte, bufSize)}
		if backRef {
			c.pool = p
		} else {
			c.weak = weak.Make(p)
		}
		p.conns = append(p.conns, c)
		if finalizer {
			//connlint:ignore deliberate leak: the test measures it
			runtime.SetFinalizer(c, func(*r1Conn) { count(finalized) })
		} else {
			runtime.AddCleanup(c, func(fd int) { count(finalized) }, c.fd)
		}
		w = weak.Make(c)
	}
	return w
}

func TestLeakR1FinalizerOnCycle(t *testing.T) {
	const n = 64
	var cycle, weakRef, cleanup atomic.Int64
	r1Build(n, &cycle, true, true)
	r1Build(n, &weakRef, false, true)
	r1Build(n, &cleanup, true, false)
	noFinalizer := r1Build(n, new(atomic.Int64), true, false)

	assert.EqualValues(t, n, settle(&weakRef, n), "with a weak back-reference every finalizer runs")
	assert.EqualValues(t, n, settle(&cleanup, n), "AddCleanup on the fd runs despite the cycle")
	assert.Nil(t, noFinalizer.Value(), "a cycle without a finalizer is collected")
	assert.Zero(t, stays(&cycle), "finalizers on a conn<->pool cycle never run")

	retained := heapDelta(func() { r1Build(n, new(atomic.Int64), true, true) })
	t.Logf("R1: %d conns with finalizers on a cycle: 0 of %d finalized; %d bytes stay on the heap", n, n, retained)
	assert.Greater(t, retained, int64(n*bufSize/2))
}

type r1Node struct {
	next *r1Node
	buf  []byte
}

// A chain of finalizable nodes is not a cycle: each GC finalizes the head
// and frees it, then the next node becomes finalizable.
func TestLeakR1ChainIsNotCycle(t *testing.T) {
	const n = 4
	var finalized atomic.Int64
	func() {
		var head *r1Node
		for range n {
			head = &r1Node{next: head, buf: make([]byte, 64)}
			runtime.SetFinalizer(head, func(*r1Node) { count(&finalized) })
		}
	}()
	assert.EqualValues(t, n, settle(&finalized, n))
}

type r1Self struct {
	self *r1Self
	h    any
	buf  []byte
}

type r1Wrap struct{ x *r1Self }

// r1SelfBuild allocates a finalizable object and links it to itself:
// not at all, directly (x.self = x, or an interface field holding a
// one-pointer struct, which sits in the interface word), or through a
// second object.
//
//go:noinline
func r1SelfBuild(finalized *atomic.Int64, how string) {
	x := &r1Self{buf: make([]byte, 64)}
	switch how {
	case "direct":
		x.self = x
		x.h = r1Wrap{x}
	case "pair":
		x.self = &r1Self{self: x}
	}
	//connlint:ignore deliberate leak when how is "pair": the test measures it
	runtime.SetFinalizer(x, func(*r1Self) { count(finalized) })
}

//go:noinline
func r1SelfOther() *r1Self {
	y := &r1Self{buf: make([]byte, 64)}
	y.self = &r1Self{self: y}
	return y
}

// The cycle must be on the finalized object itself (weak/pointer_test.go
// finalizes one T and links another to itself), and must go through
// another object: when the collector marks what a finalizable object
// reaches, it skips pointers back into the object, so a direct
// self-reference does not stop the finalizer.
func TestLeakR1CycleOnTheObject(t *testing.T) {
	const n = 8
	var plain, direct, pair atomic.Int64
	other := r1SelfOther()
	for range n {
		r1SelfBuild(&plain, "none")
		r1SelfBuild(&direct, "direct")
		r1SelfBuild(&pair, "pair")
	}
	assert.EqualValues(t, n, settle(&plain, n), "an instance on a cycle says nothing about the others")
	assert.EqualValues(t, n, settle(&direct, n), "pointers from an object into itself do not keep it")
	assert.Zero(t, stays(&pair), "a cycle through a second object keeps it")
	runtime.KeepAlive(other)
}

type r1FConn struct {
	fd  int
	buf []byte // pointerful, so that it is not batched by the tiny allocator
}

//go:noinline
func r1Capture(finalized *atomic.Int64, captures bool) {
	c := &r1FConn{fd: 3, buf: make([]byte, 64)}
	if captures {
		//connlint:ignore deliberate leak: the test measures it
		runtime.SetFinalizer(c, func(*r1FConn) { _ = c.fd; count(finalized) })
	} else {
		runtime.SetFinalizer(c, func(c *r1FConn) { _ = c.fd; count(finalized) })
	}
}

func TestLeakR1FinalizerCapturesObject(t *testing.T) {
	var captures, argument atomic.Int64
	for range 8 {
		r1Capture(&captures, true)
		r1Capture(&argument, false)
	}
	assert.EqualValues(t, 8, settle(&argument, 8))
	assert.Zero(t, stays(&captures), "a finalizer capturing its object never runs")
}

// --- R2: a cleanup that reaches its object.

type r2Conn struct {
	pool *r2Pool
	fd   int
	buf  []byte
}

func (c *r2Conn) closeFD(int) {}

type r2Pool struct{ conns []*r2Conn }

func panicOf(f func()) (msg any) {
	defer func() { msg = recover() }()
	f()
	return nil
}

//connlint:ignore deliberate misuse: the test shows the runtime panics
func TestLeakR2RuntimePanics(t *testing.T) {
	c := &r2Conn{fd: 3, buf: make([]byte, 64)}
	//connlint:ignore deliberate misuse: the test shows the runtime panics
	assert.Contains(t, panicOf(func() { runtime.AddCleanup(c, func(*r2Conn) {}, c) }), "ptr is equal to arg")
	//connlint:ignore deliberate misuse: the test shows the runtime panics
	assert.Contains(t, panicOf(func() { runtime.AddCleanup(c, func(*int) {}, &c.fd) }), "ptr is within arg")
	//connlint:ignore deliberate misuse: the test shows the runtime panics
	assert.Contains(t, panicOf(func() { runtime.AddCleanup(c, c.closeFD, 0) }), "closes over ptr")
	//connlint:ignore deliberate misuse: the test shows the runtime panics
	assert.Contains(t, panicOf(func() { runtime.AddCleanup(c, func(int) { c.closeFD(0) }, 0) }), "closes over ptr")
}

//go:noinline
func r2Build(n int, cleaned *atomic.Int64, poolArg bool) {
	p := &r2Pool{}
	for i := range n {
		c := &r2Conn{pool: p, fd: i, buf: make([]byte, bufSize)}
		p.conns = append(p.conns, c)
		if poolArg {
			//connlint:ignore deliberate leak: the test measures it
			runtime.AddCleanup(c, func(*r2Pool) { count(cleaned) }, c.pool)
		} else {
			runtime.AddCleanup(c, func(int) { count(cleaned) }, c.fd)
		}
	}
}

// The silent form: no panic, the cleanup just never runs.
func TestLeakR2ArgReachesObject(t *testing.T) {
	const n = 64
	var poolArg, fdArg atomic.Int64
	r2Build(n, &poolArg, true)
	r2Build(n, &fdArg, false)
	assert.EqualValues(t, n, settle(&fdArg, n))
	assert.Zero(t, stays(&poolArg), "a cleanup whose arg (the pool) holds the conn never runs")
	retained := heapDelta(func() { r2Build(n, new(atomic.Int64), true) })
	t.Logf("R2: %d conns whose cleanup arg is their pool: 0 of %d cleaned up; %d bytes stay on the heap", n, n, retained)
}

// --- R3: an unlinked node keeps its link (the vitess v19 connStack).

type r3Pooled struct {
	next atomic.Pointer[r3Pooled]
	buf  []byte
}

type r3Stack struct {
	top   atomic.Pointer[r3Pooled]
	fixed bool
}

func (s *r3Stack) Push(item *r3Pooled) {
	for {
		oldHead := s.top.Load()
		item.next.Store(oldHead)
		if s.top.CompareAndSwap(oldHead, item) {
			return
		}
	}
}

//connlint:ignore deliberate leak when !s.fixed: the test measures it
func (s *r3Stack) Pop() *r3Pooled {
	for {
		oldHead := s.top.Load()
		if oldHead == nil {
			return nil
		}
		newHead := oldHead.next.Load()
		if s.top.CompareAndSwap(oldHead, newHead) {
			if s.fixed {
				oldHead.next.Store(nil) // vitessio/vitess PR #17807
			}
			return oldHead
		}
	}
}

// r3Reserve pushes n connections, pops them all, keeps the first one
// popped (a reserved connection, which is never pushed back) and drops
// the others (closed).
//
//go:noinline
func r3Reserve(n int, freed *atomic.Int64, fixed bool) *r3Pooled {
	s := &r3Stack{fixed: fixed}
	for range n {
		c := &r3Pooled{buf: make([]byte, bufSize)}
		runtime.AddCleanup(c, count, freed)
		s.Push(c)
	}
	reserved := s.Pop()
	for s.Pop() != nil {
	}
	return reserved
}

func TestLeakR3UnlinkedNode(t *testing.T) {
	const n = 64
	var buggy, fixed atomic.Int64
	var kept1, kept2 *r3Pooled
	retained := heapDelta(func() { kept1 = r3Reserve(n, &buggy, false) })
	freed := heapDelta(func() { kept2 = r3Reserve(n, &fixed, true) })

	assert.EqualValues(t, n-1, settle(&fixed, n-1), "with the link cleared, the closed nodes are freed")
	assert.Zero(t, stays(&buggy), "the reserved node pins every node that was below it")
	t.Logf("R3: 1 reserved of %d popped: buggy Pop frees 0 of %d others (%d bytes held), fixed Pop frees %d (%d bytes held)",
		n, n-1, retained, fixed.Load(), freed)
	assert.Greater(t, retained, int64((n-1)*bufSize/2))
	runtime.KeepAlive(kept1)
	runtime.KeepAlive(kept2)
}

type r3Conn struct{ buf []byte }

type r3Pool struct{ free []*r3Conn }

//connlint:ignore deliberate leak when !zero: the test measures it
func (p *r3Pool) get(zero bool) *r3Conn {
	c := p.free[len(p.free)-1]
	if zero {
		p.free[len(p.free)-1] = nil
	}
	p.free = p.free[:len(p.free)-1]
	return c
}

//go:noinline
func r3PopAll(p *r3Pool, n int, freed *atomic.Int64, zero bool) {
	for range n {
		c := &r3Conn{buf: make([]byte, bufSize)}
		runtime.AddCleanup(c, count, freed)
		p.free = append(p.free, c)
	}
	for range n {
		_ = p.get(zero) // popped, used, dropped
	}
}

func TestLeakR3SlicePop(t *testing.T) {
	const n = 64
	var buggy, fixed atomic.Int64
	p1, p2 := &r3Pool{}, &r3Pool{}
	r3PopAll(p1, n, &buggy, false)
	r3PopAll(p2, n, &fixed, true)
	assert.EqualValues(t, n, settle(&fixed, n))
	assert.Zero(t, stays(&buggy), "the vacated slots keep every popped conn")
	t.Logf("R3 slice: %d popped and dropped: %d freed without zeroing, %d with", n, buggy.Load(), fixed.Load())
	runtime.KeepAlive(p1)
	runtime.KeepAlive(p2)
}

// --- R4: a registry that Close never leaves.

type r4Conn struct {
	srv *r4Server
	buf []byte
}

func (c *r4Conn) Close() {
	if c.srv.forget {
		delete(c.srv.conns, c)
	}
}

type r4Server struct {
	conns  map[*r4Conn]bool
	forget bool
}

//go:noinline
func r4Serve(s *r4Server, n int, freed *atomic.Int64) {
	for range n {
		c := &r4Conn{srv: s, buf: make([]byte, bufSize)}
		runtime.AddCleanup(c, count, freed)
		s.conns[c] = true
		c.Close()
	}
}

func TestLeakR4Registry(t *testing.T) {
	const n = 64
	var buggy, fixed atomic.Int64
	s1 := &r4Server{conns: make(map[*r4Conn]bool)}
	s2 := &r4Server{conns: make(map[*r4Conn]bool), forget: true}
	r4Serve(s1, n, &buggy)
	r4Serve(s2, n, &fixed)
	assert.EqualValues(t, n, settle(&fixed, n))
	assert.Zero(t, stays(&buggy), "closed conns stay in the registry")
	t.Logf("R4: %d conns registered and closed: %d freed when Close does not delete, %d when it does", n, buggy.Load(), fixed.Load())
	runtime.KeepAlive(s1)
	runtime.KeepAlive(s2)
}

// --- R5: a discarded context.AfterFunc stop.

type r5Conn struct{ buf []byte }

//go:noinline
func r5Watch(ctx context.Context, n int, freed *atomic.Int64, stop bool) {
	for range n {
		c := &r5Conn{buf: make([]byte, bufSize)}
		runtime.AddCleanup(c, count, freed)
		//connlint:ignore deliberate leak when !stop: the test measures it
		s := context.AfterFunc(ctx, func() { _ = c.buf })
		if stop {
			s()
		}
	}
}

func TestLeakR5AfterFunc(t *testing.T) {
	const n = 64
	var dropped, stopped atomic.Int64
	ctx, cancel := context.WithCancel(context.Background()) // a server's base context
	defer cancel()
	retained := heapDelta(func() { r5Watch(ctx, n, &dropped, false) })
	r5Watch(ctx, n, &stopped, true)
	assert.EqualValues(t, n, settle(&stopped, n))
	assert.Zero(t, stays(&dropped), "the context keeps every callback and its conn")
	t.Logf("R5: %d callbacks with stop dropped: 0 of %d freed while ctx lives (%d bytes held); with stop called: %d freed", n, n, retained, stopped.Load())

	cancel()
	require.EqualValues(t, n, settle(&dropped, n), "cancelling the context releases them")
}
