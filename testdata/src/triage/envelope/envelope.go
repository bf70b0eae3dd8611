// Package envelope: a resource sent over a channel inside a struct value
// (an envelope with its error), and returned by the receiver.
//
// Found in golang.org/x/crypto v0.59.0 (issue 12's catalogue sweep),
// non-test code, ssh/tcpip.go:392 (Client.DialContext):
//
//	type connErr struct {
//		conn net.Conn
//		err  error
//	}
//	ch := make(chan connErr)
//	go func() {
//		conn, err := c.Dial(n, addr)
//		select {
//		case ch <- connErr{conn, err}:
//		case <-ctx.Done():
//			if conn != nil {
//				conn.Close()
//			}
//		}
//	}()
//	select {
//	case res := <-ch:
//		return res.conn, res.err
//	...
//
// reported as "connErr.conn holds a net.Conn acquired here, but nothing in
// this package releases it": the owning-field rule looked for a release or
// a hand-off of a value read from the field, and did not count returning
// it.
//
// Expected: returning what was read from a field of a struct value (a
// copy: the envelope is gone once its field is taken) hands the resource
// to the caller, as returning a local would. The twin that drops the conn
// and returns only the error stays reported, and so does a field read
// through a pointer by a getter (the struct still holds it).
package envelope

import (
	"context"
	"net"
)

func DialContext(ctx context.Context, addr string) (net.Conn, error) {
	type connErr struct {
		conn net.Conn
		err  error
	}
	ch := make(chan connErr)
	go func() {
		conn, err := net.Dial("tcp", addr)
		select {
		case ch <- connErr{conn, err}:
		case <-ctx.Done():
			if conn != nil {
				conn.Close()
			}
		}
	}()
	select {
	case res := <-ch:
		return res.conn, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type dialResult struct {
	conn net.Conn
	err  error
}

// DialDrop receives the envelope and keeps only the error.
func DialDrop(ctx context.Context, addr string) error {
	ch := make(chan dialResult, 1)
	go func() {
		conn, err := net.Dial("tcp", addr)
		ch <- dialResult{conn, err} // want `dialResult\.conn holds a net\.Conn acquired here, but nothing in this package releases it`
	}()
	res := <-ch
	return res.err
}

type holder struct {
	conn net.Conn
}

func newHolder(addr string) (*holder, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &holder{conn: conn}, nil // want `holder\.conn holds a net\.Conn acquired here, but nothing in this package releases it`
}

// Conn lends the conn: the holder still has it.
func (h *holder) Conn() net.Conn { return h.conn }
