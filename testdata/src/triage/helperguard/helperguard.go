// Package helperguard: an idempotent Close whose guard is in a helper.
//
// Found in github.com/rabbitmq/amqp091-go v1.16.0 (issue 12's catalogue
// sweep), non-test code, connection.go:657:
//
//	func (c *Connection) Close() error {
//		unlock, err := c.beginClose()
//		if err != nil {
//			return err
//		}
//		...
//
// where beginClose marks close-intent (`initiated := !c.closeInit;
// c.closeInit = true`) and returns ErrClosed when a close had already
// begun: the conn was released by that earlier Close. Reported as
// "Connection.Close leaves conn held on the path returning at line 660".
// The closedguard fix covers a guard in the method itself (`if c.closed {
// return nil }; c.closed = true`), not one behind a helper.
//
// Expected: the early return taken on the helper's error, when every
// error path of the helper is behind a test of the state the helper itself
// stores, is a second release finding the work done: silent. The twin
// whose early return follows another helper's error (a flush that can
// fail on the first Close) stays reported.
package helperguard

import (
	"errors"
	"net"
	"sync"
)

var ErrClosed = errors.New("closed")

type Connection struct {
	conn      net.Conn
	closeM    sync.Mutex
	closeInit bool
}

func Dial(addr string) (*Connection, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Connection{conn: conn}, nil
}

func (c *Connection) beginClose() error {
	c.closeM.Lock()
	initiated := !c.closeInit
	c.closeInit = true
	c.closeM.Unlock()
	if !initiated {
		return ErrClosed
	}
	return nil
}

// Close is idempotent: a second call finds closeInit set.
func (c *Connection) Close() error {
	if err := c.beginClose(); err != nil {
		return err
	}
	return c.conn.Close()
}

type Buffered struct {
	conn net.Conn
	buf  []byte
}

func DialBuffered(addr string) (*Buffered, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Buffered{conn: conn}, nil
}

func (b *Buffered) flush() error {
	if len(b.buf) > 0 {
		return errors.New("short write")
	}
	return nil
}

func (b *Buffered) Close() error { // want `Buffered\.Close leaves conn held`
	if err := b.flush(); err != nil {
		return err
	}
	return b.conn.Close()
}
