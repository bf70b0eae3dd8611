package connpool_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/connlint/connlint/runtime/connpool"
)

// dbConn stands in for a database connection: it has the optional
// ResetSession method, which the pool calls before reusing it.
type dbConn struct {
	id      int64
	session string // state a session left on the connection
}

func (c *dbConn) Close() error {
	fmt.Printf("conn %d closed\n", c.id)
	return nil
}

func (c *dbConn) ResetSession(context.Context) error {
	c.session = ""
	return nil
}

// newPool returns a pool whose connections are numbered from 1.
func newPool(cfg connpool.Config[*dbConn]) *connpool.Pool[*dbConn] {
	var opened atomic.Int64
	cfg.Connect = func(context.Context) (*dbConn, error) {
		return &dbConn{id: opened.Add(1)}, nil
	}
	p, err := connpool.New(cfg)
	if err != nil {
		panic(err)
	}
	return p
}

func query(c *dbConn, q string) error {
	fmt.Printf("conn %d: %s\n", c.id, q)
	return nil
}

// lookup runs one query on a pooled connection. It recycles the connection
// with a Recycle deferred right after the error check; a connection that
// failed mid-query is discarded instead, and the deferred Recycle is then a
// no-op.
func lookup(ctx context.Context, p *connpool.Pool[*dbConn], q string) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Recycle()
	if err := query(l.Conn(), q); err != nil {
		l.Discard() // broken: close it rather than pool it
		return err
	}
	return nil
}

func ExamplePool_Get() {
	ctx := context.Background()
	p := newPool(connpool.Config[*dbConn]{MaxConns: 4})
	defer p.Close(ctx)

	_ = lookup(ctx, p, "SELECT 1")
	_ = lookup(ctx, p, "SELECT 2") // reuses conn 1
	st := p.Stats()
	fmt.Printf("opened %d, idle %d\n", st.Opened, st.Idle)
	// Output:
	// conn 1: SELECT 1
	// conn 1: SELECT 2
	// opened 1, idle 1
	// conn 1 closed
}

// Reserve a connection for a session whose state lives on the connection
// (a lock, a temporary table). Release resets it before the pool reuses it;
// a connection that cannot be reset is closed instead.
func ExamplePool_Reserve() {
	ctx := context.Background()
	p := newPool(connpool.Config[*dbConn]{MaxConns: 4})
	defer p.Close(ctx)

	r, err := p.Reserve(ctx)
	if err != nil {
		panic(err)
	}
	c := r.Conn()
	c.session = "GET_LOCK('job', 10)"
	_ = query(c, "SELECT GET_LOCK('job', 10)")
	r.Release()

	l, err := p.Get(ctx)
	if err != nil {
		panic(err)
	}
	defer l.Recycle()
	fmt.Printf("conn %d reused, session state %q\n", l.Conn().id, l.Conn().session)
	// Output:
	// conn 1: SELECT GET_LOCK('job', 10)
	// conn 1 reused, session state ""
	// conn 1 closed
}

// printTB stands in for the *testing.T of a real test, printing the first
// lines of what VerifyNone reports (the rest is a stack with file paths).
type printTB struct{}

func (printTB) Helper() {}

func (printTB) Errorf(format string, args ...any) {
	lines := strings.Split(fmt.Sprintf(format, args...), "\n")
	for _, line := range lines[:min(3, len(lines))] {
		fmt.Println(strings.TrimSpace(line))
	}
}

// sessions keeps leases past the request that took them: a leak that no
// static check can follow once the lease is stored.
var sessions = map[string]*connpool.Lease[*dbConn]{}

func handle(ctx context.Context, p *connpool.Pool[*dbConn], user string) {
	l, err := p.Get(ctx)
	if err != nil {
		return
	}
	sessions[user] = l // meant to be released at logout, which never comes
}

// In tests, create the pool with TrackLeaks and call VerifyNone at the end
// (`defer connpool.VerifyNone(t, pool)`): it fails the test with where each
// connection still out was acquired.
func ExampleVerifyNone() {
	ctx := context.Background()
	p := newPool(connpool.Config[*dbConn]{MaxConns: 4, TrackLeaks: true})

	handle(ctx, p, "ann")
	connpool.VerifyNone(printTB{}, p) // in a test: connpool.VerifyNone(t, p)

	sessions["ann"].Recycle()
	delete(sessions, "ann")
	connpool.VerifyNone(printTB{}, p) // silent: nothing is out
	_ = p.Close(ctx)
	// Output:
	// connpool: 1 connections still out:
	// lease #1 acquired at:
	// github.com/connlint/connlint/runtime/connpool_test.handle
	// conn 1 closed
}

// Close waits for the connections still out; give it a deadline so that a
// holder that never lets go cannot hold up shutdown. Past the deadline, Close
// closes those connections under their holders and says how many; the
// holders' releases are then no-ops.
func ExamplePool_Close() {
	p := newPool(connpool.Config[*dbConn]{MaxConns: 4})
	stuck, err := p.Get(context.Background())
	if err != nil {
		panic(err)
	}
	idle, err := p.Get(context.Background())
	if err != nil {
		panic(err)
	}
	idle.Recycle()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err = p.Close(ctx) // closes conn 2 (idle) at once, conn 1 at the deadline
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	stuck.Recycle() // no-op: already closed by Close
	// Output:
	// conn 2 closed
	// conn 1 closed
	// connpool: close: 1 connections still out, closed under their holders: context deadline exceeded
	// true
}

// TryGet never waits for another holder: when everything is out it fails at
// once with ErrExhausted, so the caller can shed load instead of queueing.
func ExamplePool_TryGet() {
	ctx := context.Background()
	p := newPool(connpool.Config[*dbConn]{MaxConns: 1})
	defer p.Close(ctx)

	l, err := p.TryGet(ctx) // opens conn 1
	if err != nil {
		panic(err)
	}
	defer l.Recycle()
	l2, err := p.TryGet(ctx)
	switch {
	case errors.Is(err, connpool.ErrExhausted):
		fmt.Println("busy: try later")
	case err != nil:
		panic(err)
	default:
		l2.Recycle()
	}
	// Output:
	// busy: try later
	// conn 1 closed
}

// Hijack takes a connection out of the pool for good, for code that manages
// it itself; the pool frees its place and never closes it.
func ExampleLease_Hijack() {
	ctx := context.Background()
	p := newPool(connpool.Config[*dbConn]{MaxConns: 1})

	l, err := p.Get(ctx)
	if err != nil {
		panic(err)
	}
	c := l.Hijack()
	fmt.Printf("hijacked conn %d; in use %d of %d\n", c.id, p.Stats().Total, p.Stats().MaxConns)
	_ = p.Close(ctx) // does not close conn 1: it is not the pool's any more
	_ = c.Close()
	// Output:
	// hijacked conn 1; in use 0 of 1
	// conn 1 closed
}

// SetMaxConns resizes a running pool. Shrinking closes idle connections at
// once and the others as they come back.
func ExamplePool_SetMaxConns() {
	ctx := context.Background()
	p := newPool(connpool.Config[*dbConn]{MaxConns: 2})
	defer p.Close(ctx)

	a, err := p.Get(ctx)
	if err != nil {
		panic(err)
	}
	b, err := p.Get(ctx)
	if err != nil {
		panic(err)
	}
	a.Recycle() // conn 1 is idle
	if err := p.SetMaxConns(1); err != nil {
		panic(err)
	}
	b.Recycle() // at the new limit now: conn 2 stays
	fmt.Printf("total %d of %d\n", p.Stats().Total, p.Stats().MaxConns)
	// Output:
	// conn 1 closed
	// total 1 of 1
	// conn 2 closed
}
