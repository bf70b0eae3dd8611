// Package hijackerr: a method that hands an owning field on only when it
// succeeds (a Hijack) is checked by the owning-field rule as if it were a
// release method, and its error path (nothing handed on, the struct still
// owns the field and its Close still releases it) is reported.
//
// Found in the re-sweep of the old corpus at 317cb69: pgx v5.12.0,
// pgconn/pgconn.go:2319, `func (pgConn *PgConn) Hijack() (*HijackedConn,
// error) { if err := pgConn.lock(); err != nil { return nil, err }; ...
// return &HijackedConn{Conn: pgConn.conn, ...}, nil }`, reported as
// "PgConn.Hijack leaves conn held on the path returning at line 2321".
// When lock fails (the conn is busy or closed) the caller keeps the PgConn
// and closes it as usual. Non-test code.
//
// Expected: a method that is not named like a release and releases or
// hands on the field only on the paths where it returns a nil error is a
// conditional release ("releases when it succeeds"): its error paths are
// not leaks of the field. Close, a release by name, is still checked on
// every path (the twin Close below that returns on a flush error leaks).
package hijackerr

import (
	"context"
	"errors"
	"net"
)

type Conn struct {
	conn net.Conn
	busy bool
	done bool
}

func Connect(ctx context.Context, addr string) (*Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Conn{conn: conn}, nil
}

func (c *Conn) lock() error {
	if c.busy {
		return errors.New("conn busy")
	}
	c.busy = true
	return nil
}

type Hijacked struct {
	Conn net.Conn
	PID  uint32
}

// Hijack hands conn to the caller when it succeeds.
func (c *Conn) Hijack() (*Hijacked, error) {
	if err := c.lock(); err != nil {
		return nil, err
	}
	c.done = true
	return &Hijacked{Conn: c.conn}, nil
}

func (c *Conn) flush() error {
	if c.busy {
		return errors.New("busy")
	}
	return nil
}

// Close is a release by name: returning on a flush error leaks conn.
func (c *Conn) Close() error { // want `Conn\.Close leaves conn held on the path returning at line \d+`
	if err := c.flush(); err != nil {
		return err
	}
	return c.conn.Close()
}
