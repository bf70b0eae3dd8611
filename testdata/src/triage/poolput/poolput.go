// Package poolput: elements of a collection handed on one by one to code
// that keeps them are not recognised as released.
//
// Found in vitess v0.24.4 go/pools/smartconnpool/pool_test.go (7 reports:
// lines 910, 1129, 1443, 1462, 1479, 1766, 1840): connections are gathered
// in a slice and given back with the pool's internal put, the method
// Recycle calls:
//
//	for _, conn := range conns { p.put(conn) }
//
// put's summary keeps its argument (it stores it in the pool), and the same
// call on a single connection is silent, but the element-wise handling of
// collections only accepts release methods.
//
// Expected: silent. A call that keeps (or releases) the range element on
// every iteration hands on every element of the collection.
package poolput

import "context"

type Conn struct{ id int }

type Pool struct{ idle []*Conn }

// Get leases a connection.
//
//connlint:acquire
func (p *Pool) Get(ctx context.Context) (*Conn, error) { return &Conn{}, nil } // want Get:`acquires \*poolput\.Conn \(result 0\)`

// Recycle gives the connection back.
//
//connlint:release
func (c *Conn) Recycle() {} // want Recycle:`release`

// put stores c in the pool: it keeps c.
func (p *Pool) put(c *Conn) { p.idle = append(p.idle, c) }

func fill(ctx context.Context, p *Pool, n int) error {
	var conns []*Conn
	for range n {
		c, err := p.Get(ctx) // reported before 5d70161: "*poolput.Conn acquired here is not released on the path returning"
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		p.put(c)
	}
	return nil
}

func one(ctx context.Context, p *Pool) error {
	c, err := p.Get(ctx) // silent today, as it should be
	if err != nil {
		return err
	}
	p.put(c)
	return nil
}
