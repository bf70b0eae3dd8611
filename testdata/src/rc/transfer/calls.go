package transfer

import (
	"context"
	"database/sql"
)

var queue = make(chan *sql.Conn, 8)

func closeConn(c *sql.Conn) { c.Close() }

func keepConn(c *sql.Conn) { global = c }

func enqueue(c *sql.Conn) { queue <- c }

func useConn(ctx context.Context, c *sql.Conn) error { return c.PingContext(ctx) }

// Passed to a function that releases it.
func releaserBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 25`
	if err != nil {
		return err
	}
	useConn(ctx, conn)
	return nil
}

func releaserGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	closeConn(conn)
	return nil
}

// Passed to a function that keeps it (stores it in a global; sends it).
func keeperBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 44`
	if err != nil {
		return err
	}
	useConn(ctx, conn)
	return nil
}

func keeperGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	keepConn(conn)
	return nil
}

func keeperSendGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	enqueue(conn)
	return nil
}

// Captured by a goroutine that releases it; a goroutine that only uses it
// leaves the obligation with the caller.
func goroutineBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 75`
	if err != nil {
		return err
	}
	go func() {
		conn.PingContext(ctx)
	}()
	return nil
}

func goroutineGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	go func() {
		defer conn.Close()
		conn.PingContext(ctx)
	}()
	return nil
}

// go f(x): the goroutine's function releases its argument.
func goCallBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 97`
	if err != nil {
		return err
	}
	go useConn(ctx, conn)
	return nil
}

func goCallGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	go closeConn(conn)
	return nil
}

// An interface method receiving the resource takes it (by default).
type sink interface{ Put(*sql.Conn) }

func interfaceBad(ctx context.Context, db *sql.DB, s sink) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 118`
	if err != nil {
		return err
	}
	useConn(ctx, conn)
	return nil
}

func interfaceGood(ctx context.Context, db *sql.DB, s sink) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	s.Put(conn)
	return nil
}

// A func value receiving the resource takes it (by default).
func funcValueBad(ctx context.Context, db *sql.DB, f func(*sql.Conn)) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 137`
	if err != nil {
		return err
	}
	useConn(ctx, conn)
	return nil
}

func funcValueGood(ctx context.Context, db *sql.DB, f func(*sql.Conn)) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	f(conn)
	return nil
}

// Callers of a local wrapper that returns what it acquired must release it.
func wrapperCallerBad(ctx context.Context, db *sql.DB) error {
	conn, err := returnedGood(ctx, db) // want `\*sql\.Conn acquired here is not released on the path returning at line 155`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func wrapperCallerGood(ctx context.Context, db *sql.DB) error {
	conn, err := returnedGood(ctx, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

// Helpers whose summaries the parameter prescreen decides: copy puts the
// connections into a global array (kept); len, an int field and a
// comma-ok only look at them (borrowed).
var parked [4]*sql.Conn

func park(conns []*sql.Conn) { copy(parked[:], conns) }

func count(conns []*sql.Conn) int { return len(conns) }

type batch struct {
	conns []*sql.Conn
	n     int
}

func (b *batch) size() int { return b.n + len(b.conns) }

func parkedGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	park([]*sql.Conn{conn})
	return nil
}

func countedBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 198`
	if err != nil {
		return err
	}
	count([]*sql.Conn{conn})
	return nil
}

func sizedBad(ctx context.Context, db *sql.DB) int {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 207`
	if err != nil {
		return 0
	}
	b := &batch{conns: []*sql.Conn{conn}, n: 1}
	return b.size()
}
