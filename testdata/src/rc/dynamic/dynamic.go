// Package dynamic: acquisitions through interfaces and func values.
package dynamic

import (
	"context"
	"database/sql"
	"net"
)

// Querier is a project's own database interface.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func queryLeak(ctx context.Context, q Querier) error {
	rows, err := q.QueryContext(ctx, "SELECT 1") // want `\*sql.Rows acquired here is not released on the path returning at line 20 \(call Close, or defer rows.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return rows.Err()
}

func queryClosed(ctx context.Context, q Querier) error {
	rows, err := q.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// Dialer hands out connections.
type Dialer interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
}

func dialLeak(ctx context.Context, d Dialer) error {
	c, err := d.DialContext(ctx, "tcp", "localhost:80") // want `net.Conn acquired here is not released on the path returning at line 43`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("ping"))
	return err
}

func dialClosed(ctx context.Context, d Dialer) error {
	c, err := d.DialContext(ctx, "tcp", "localhost:80")
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("ping"))
	return err
}

// A func value that dials.
func funcValueLeak(ctx context.Context, dial func(context.Context) (net.Conn, error)) {
	c, err := dial(ctx) // want `net.Conn acquired here is not released on the path returning at line 63`
	if err != nil {
		return
	}
	c.Write(nil)
}

func funcValueClosed(ctx context.Context, dial func(context.Context) (net.Conn, error)) {
	c, err := dial(ctx)
	if err != nil {
		return
	}
	c.Write(nil)
	c.Close()
}

// Handed on: returned to the caller.
func funcValueReturned(ctx context.Context, dial func(context.Context) (net.Conn, error)) (net.Conn, error) {
	return dial(ctx)
}

// A getter reads what its receiver holds: nothing is acquired.
type Holder interface {
	Conn() net.Conn
}

func getter(h Holder) {
	c := h.Conn()
	c.Write(nil)
}

// A message that exposes the subscription it came from: it does not own
// it, and an interface handing out messages acquires nothing.
type Subscription struct{ rows *sql.Rows }

// Unsubscribe ends the subscription.
func (s *Subscription) Unsubscribe() error { return s.rows.Close() }

type Msg struct {
	Data []byte
	Sub  *Subscription
}

type Fetcher interface {
	Next(ctx context.Context) (*Msg, error)
}

func fetchOne(ctx context.Context, f Fetcher) ([]byte, error) {
	m, err := f.Next(ctx)
	if err != nil {
		return nil, err
	}
	return m.Data, nil
}
