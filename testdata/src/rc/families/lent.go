package families

import (
	"context"
	"database/sql"

	pgxpool4 "github.com/jackc/pgx/v4/pgxpool"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	mongov1 "go.mongodb.org/mongo-driver/mongo"
)

// Values lent to a callback for the call's duration must not escape it:
// database/sql's Conn.Raw ("driverConn must not be used outside of f"),
// pgxpool's AcquireFunc (the *Conn goes back to the pool when f returns),
// pgx's BeginFunc and BeginTxFunc (the Tx ends then).

type rawHolder struct{ dc any }

var lastDriverConn any

func sqlRawEscapesBad(ctx context.Context, conn *sql.Conn) (any, error) {
	var kept any
	err := conn.Raw(func(driverConn any) error {
		kept = driverConn // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is stored outside the callback: it is not valid once the callback returns \(use it only inside the callback\)`
		return nil
	})
	return kept, err
}

// Used inside the callback only; what it derives that is no resource (an
// error, a count) may leave.
func sqlRawInsideGood(ctx context.Context, conn *sql.Conn) (n int, err error) {
	err = conn.Raw(func(driverConn any) error {
		p, ok := driverConn.(interface{ Ping(context.Context) error })
		if !ok {
			return nil
		}
		n = 1
		return p.Ping(ctx)
	})
	return n, err
}

// Derived values escape too: a type assertion of it, stored in a field of a
// captured struct, or in a global.
func sqlRawDerivedBad(ctx context.Context, conn *sql.Conn, h *rawHolder) error {
	return conn.Raw(func(driverConn any) error {
		p, _ := driverConn.(interface{ Ping(context.Context) error })
		h.dc = p                    // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is stored outside the callback`
		lastDriverConn = driverConn // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is stored outside the callback`
		return nil
	})
}

// A local of the callback is inside it.
func sqlRawLocalGood(ctx context.Context, conn *sql.Conn) error {
	return conn.Raw(func(driverConn any) error {
		var h rawHolder
		h.dc = driverConn
		return ping(ctx, h.dc)
	})
}

func ping(ctx context.Context, v any) error {
	if p, ok := v.(interface{ Ping(context.Context) error }); ok {
		return p.Ping(ctx)
	}
	return nil
}

func sqlRawGoroutineBad(ctx context.Context, conn *sql.Conn, done chan error) error {
	return conn.Raw(func(driverConn any) error {
		go func() { done <- ping(ctx, driverConn) }() // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is handed to a goroutine`
		return nil
	})
}

func sqlRawGoroutineGood(ctx context.Context, conn *sql.Conn) error {
	return conn.Raw(func(driverConn any) error {
		done := make(chan error, 1)
		go func() { done <- ping(ctx, ctx) }()
		if err := ping(ctx, driverConn); err != nil {
			return err
		}
		return <-done
	})
}

func sqlRawSentBad(conn *sql.Conn, out chan any) error {
	return conn.Raw(func(driverConn any) error {
		out <- driverConn // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is sent on a channel`
		return nil
	})
}

// pgx: the *pgxpool.Conn of AcquireFunc, and what its methods return (the
// *pgx.Conn underneath).
func pgxAcquireFuncBad(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	var c *pgx.Conn
	err := pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		c = conn.Conn() // want `conn, lent by \(\*pgxpool\.Pool\)\.AcquireFunc for the callback's duration, is stored outside the callback`
		return nil
	})
	return c, err
}

func pgxAcquireFuncGood(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	var n int
	err := pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		return conn.QueryRow(ctx, "SELECT 1").Scan(&n)
	})
	return n, err
}

func pgxBeginFuncBad(ctx context.Context, conn *pgx.Conn, saved *[]pgx.Tx) error {
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		*saved = append(*saved, tx) // want `tx, lent by pgx\.BeginFunc for the callback's duration, is stored outside the callback`
		return nil
	})
}

func pgxBeginFuncGood(ctx context.Context, conn *pgx.Conn) error {
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "DELETE FROM t")
		return err
	})
}

// pgx v4's AcquireFunc lends the same way.
func pgx4AcquireFuncBad(ctx context.Context, pool *pgxpool4.Pool, out chan *pgxpool4.Conn) error {
	return pool.AcquireFunc(ctx, func(conn *pgxpool4.Conn) error {
		out <- conn // want `conn, lent by \(\*pgxpool\.Pool\)\.AcquireFunc for the callback's duration, is sent on a channel`
		return nil
	})
}

func pgx4AcquireFuncGood(ctx context.Context, pool *pgxpool4.Pool) error {
	return pool.AcquireFunc(ctx, func(conn *pgxpool4.Conn) error {
		return conn.Conn().Ping(ctx)
	})
}

// A closure that captures the lent value takes it along when it is kept.
func sqlRawClosureKeptBad(conn *sql.Conn, hooks *[]func() error) error {
	return conn.Raw(func(driverConn any) error {
		check := func() error { return ping(context.Background(), driverConn) }
		*hooks = append(*hooks, check) // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is stored outside the callback`
		return check()
	})
}

func sqlRawClosureCalledGood(conn *sql.Conn) error {
	return conn.Raw(func(driverConn any) error {
		check := func() error { return ping(context.Background(), driverConn) }
		return check()
	})
}

// mongo-driver v1's UseSession ends the session when the callback returns:
// its SessionContext must not outlive the callback.
func mongoUseSessionBad(ctx context.Context, c *mongov1.Client) (mongov1.SessionContext, error) {
	var kept mongov1.SessionContext
	err := c.UseSession(ctx, func(sc mongov1.SessionContext) error {
		kept = sc // want `sc, lent by \(\*mongo\.Client\)\.UseSession for the callback's duration, is stored outside the callback`
		return nil
	})
	return kept, err
}

func mongoUseSessionGood(ctx context.Context, c *mongov1.Client) ([]byte, error) {
	var id []byte
	err := c.UseSessionWithOptions(ctx, nil, func(sc mongov1.SessionContext) error {
		id = sc.ID()
		return sc.CommitTransaction(sc)
	})
	return id, err
}

func mongoUseSessionOptionsBad(ctx context.Context, c *mongov1.Client, out chan<- mongov1.Session) error {
	return c.UseSessionWithOptions(ctx, nil, func(sc mongov1.SessionContext) error {
		out <- sc // want `sc, lent by \(\*mongo\.Client\)\.UseSessionWithOptions for the callback's duration, is sent on a channel`
		return nil
	})
}

// One report for a goroutine that takes two values derived from the lent one.
func sqlRawGoroutineTwoBad(ctx context.Context, conn *sql.Conn, done chan error) error {
	return conn.Raw(func(driverConn any) error {
		p, _ := driverConn.(interface{ Ping(context.Context) error })
		go func(a, b any) { done <- ping(ctx, a) }(driverConn, p) // want `driverConn, lent by \(\*sql\.Conn\)\.Raw for the callback's duration, is handed to a goroutine`
		return nil
	})
}
