// Package collections: resources kept in local collections and in
// variables that a closure created earlier owns.
package collections

import (
	"context"
	"database/sql"
	"net"
	"testing"
)

// A collection is released element-wise: the range loop's path that skips
// its body is not a leak when the collection holds the resource.
func closedInLoopGood(ctx context.Context, db *sql.DB, n int) error {
	rows := make([]*sql.Rows, n)
	for i := range rows {
		r, err := db.QueryContext(ctx, "SELECT 1")
		if err != nil {
			return err
		}
		rows[i] = r
	}
	for _, r := range rows {
		r.Close()
	}
	return nil
}

func neverClosedBad(ctx context.Context, db *sql.DB, n int) error {
	rows := make([]*sql.Rows, n)
	for i := range rows {
		r, err := db.QueryContext(ctx, "SELECT 1") // want `\*sql\.Rows acquired here is not released`
		if err != nil {
			return err
		}
		rows[i] = r
	}
	return nil
}

func appendedThenClosedGood(ctx context.Context, db *sql.DB) error {
	var conns []*sql.Conn
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	conns = append(conns, c)
	for _, c := range conns {
		c.Close()
	}
	return nil
}

func appendedNeverClosedBad(ctx context.Context, db *sql.DB) error {
	var conns []*sql.Conn
	c, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 62`
	if err != nil {
		return err
	}
	conns = append(conns, c)
	_ = len(conns)
	return nil
}

// The shape of os's createSocketPair: a t.Cleanup closure registered first
// owns whatever the named result holds when the test ends.
func socketPairGood(t *testing.T, addr string) (client net.Conn) {
	t.Cleanup(func() {
		if client != nil {
			client.Close()
		}
	})
	client, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// The same closure, only called in place on one path: the other leaks.
func calledOnOnePathBad(addr string, fail bool) error {
	var c net.Conn
	cleanup := func() {
		if c != nil {
			c.Close()
		}
	}
	c, err := net.Dial("tcp", addr) // want `net\.Conn acquired here is not released on the path returning at line 94`
	if err != nil {
		return err
	}
	if fail {
		cleanup()
		return nil
	}
	return nil
}

// A caller of socketPairGood owes nothing: the cleanup owns the conn.
func usesSocketPairGood(t *testing.T) {
	c := socketPairGood(t, "localhost:0")
	c.Write(nil)
}
