// Package recvkeep: a method of the resource type that hands its receiver
// on (stores it) is treated as a plain use.
//
// Found in pgx v5.12.0, pgxpool/pool.go:799 and :826:
//
//	c, err := p.Acquire(ctx)
//	...
//	return c.getPoolRows(rows), nil
//
// where (*Conn).getPoolRows stores c in a poolRows that Close releases.
// ownership's receiverEffect decides every non-release method of the
// resource's family as a borrow ("the resource's own other methods borrow
// it", meant for Taint-like methods) before the callee's summary, which says
// keep, is consulted. The same code written as a function, park(c, h), is
// silent.
//
// Expected: silent. For a static call into analysed code, the summary's
// keep (or returned-in) should win over the method-of-the-resource rule;
// that rule can stay for methods with no summary (and for Taint, whose
// summary says borrow).
package recvkeep

import "context"

type Pool struct{}

type Conn struct{ id int }

type holder struct{ c *Conn }

// Acquire leases a connection.
//
//connlint:acquire
func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { return &Conn{}, nil } // want Acquire:`acquires \*recvkeep\.Conn \(result 0\)`

// Release returns the connection.
//
//connlint:release
func (c *Conn) Release() {} // want Release:`release`

// park stores its receiver in h: whoever holds h now owns c.
func (c *Conn) park(h *holder) { h.c = c }

func park(c *Conn, h *holder) { h.c = c }

func lease(ctx context.Context, p *Pool, h *holder) error {
	c, err := p.Acquire(ctx) // reported before 5d70161: "*recvkeep.Conn acquired here is not released"
	if err != nil {
		return err
	}
	c.park(h)
	return nil
}

func leaseFunc(ctx context.Context, p *Pool, h *holder) error {
	c, err := p.Acquire(ctx) // silent today, as it should be
	if err != nil {
		return err
	}
	park(c, h)
	return nil
}
