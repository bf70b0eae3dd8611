// Package closedguard: an idempotent release method returns early when the
// struct is already closed, and the owning-field rule reports that return
// as leaving the field held.
//
// Found in the re-sweep of the old corpus at 317cb69: pgx v5.12.0,
// pgconn/pgconn.go:796, `func (pgConn *PgConn) Close(ctx) error { if
// pgConn.status == connStatusClosed { return nil }; pgConn.status =
// connStatusClosed; ... pgConn.conn.Close() }` ("It is safe to call Close
// on an already closed connection"), reported as "PgConn.Close leaves conn
// held on the path returning at line 798: the net.Conn acquired into
// PgConn.conn at line 351 is not released on that path". Non-test code.
//
// Expected: an early return taken when the receiver is in the state that
// the method's releasing path itself stores (status == closed after
// `status = closed`, closed == true after `closed = true`) is a second
// release finding the work done, not a leak. The twin whose early return
// tests another state (busy) still leaks conn and is reported.
package closedguard

import (
	"context"
	"net"
)

const (
	statusIdle = iota
	statusBusy
	statusClosed
)

type Conn struct {
	conn   net.Conn
	status int
}

func Connect(ctx context.Context, addr string) (*Conn, error) {
	var d net.Dialer
	c := &Conn{}
	var err error
	c.conn, err = d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Close is idempotent: the first call closes conn and marks c closed.
func (c *Conn) Close() error {
	if c.status == statusClosed {
		return nil
	}
	c.status = statusClosed
	return c.conn.Close()
}

type Flagged struct {
	conn   net.Conn
	closed bool
}

func Open(ctx context.Context, addr string) (*Flagged, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Flagged{conn: conn}, nil
}

func (f *Flagged) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	return f.conn.Close()
}

// The bug twin: Busy returns early while busy, a state Close never stores:
// a busy Busy leaks conn.
type Busy struct {
	conn   net.Conn
	status int
}

func Dial(ctx context.Context, addr string) (*Busy, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Busy{conn: conn}, nil
}

func (b *Busy) Close() error { // want `Busy\.Close leaves conn held on the path returning at line \d+`
	if b.status == statusBusy {
		return nil
	}
	b.status = statusClosed
	return b.conn.Close()
}
