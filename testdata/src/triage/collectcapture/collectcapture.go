// Package collectcapture: a collection of resources that a closure
// captures is no longer released element-wise, and its release loop is
// reported as a double release.
//
// Found in vitess v0.24.4 go/pools/smartconnpool/stress_test.go:612 and
// :705: the held connections are recycled in a range loop at the end, and
// also by an abort closure on a watchdog path. Capturing `held` moves it to
// a heap cell; the final loop over the cell's value is not matched with the
// appends, so the acquisition is reported as not released, and the loop's
// Recycle as a second release of the same connection. Without the closure
// (function plain below) both are silent.
//
// Expected: silent.
package collectcapture

import "context"

type Pool struct{}

type Conn struct{ id int }

// Get leases a connection.
//
//connlint:acquire
func (p *Pool) Get(ctx context.Context) (*Conn, error) { return &Conn{}, nil } // want Get:`acquires \*collectcapture\.Conn \(result 0\)`

// Recycle gives the connection back.
//
//connlint:release
func (c *Conn) Recycle() {} // want Recycle:`release`

func captured(ctx context.Context, p *Pool, n int, failed func() bool) error {
	var held []*Conn
	for range n {
		c, err := p.Get(ctx) // reported before 5d70161: "not released on the path returning"
		if err != nil {
			return err
		}
		held = append(held, c)
	}
	abort := func() {
		for _, c := range held {
			c.Recycle()
		}
	}
	if failed() {
		abort()
		panic("watchdog")
	}
	for _, c := range held {
		c.Recycle() // reported before 5d70161: "released again after its release"
	}
	return nil
}

func plain(ctx context.Context, p *Pool, n int) error {
	var held []*Conn
	for range n {
		c, err := p.Get(ctx)
		if err != nil {
			return err
		}
		held = append(held, c)
	}
	for _, c := range held {
		c.Recycle()
	}
	return nil
}
