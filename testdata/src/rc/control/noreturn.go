package control

import (
	"context"
	"database/sql"
	"log"
	"os"
	"testing"
)

// Paths that end in panic, os.Exit, log.Fatal or t.Fatal (also through
// testing.TB) need no release. The buggy twin returns instead.
func noReturnBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 19`
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	return conn.Close()
}

func panicGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		panic(err)
	}
	return conn.Close()
}

func osExitGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		os.Exit(1)
	}
	return conn.Close()
}

func logFatalGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		log.Fatal(err)
	}
	return conn.Close()
}

func logFatalfGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		log.Fatalf("ping: %v", err)
	}
	return conn.Close()
}

func tFatalGood(t *testing.T, ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	return conn.Close()
}

func tFatalfGood(t *testing.T, ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		t.Fatalf("ping: %v", err)
	}
	return conn.Close()
}

func tbFatalGood(tb testing.TB, ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		tb.Fatal(err)
	}
	return conn.Close()
}

func tbFailNowGood(tb testing.TB, ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		tb.FailNow()
	}
	return conn.Close()
}

// A testing helper: the acquisition's own error check is a t.Fatal.
func tFatalOnAcquireGood(t *testing.T, ctx context.Context, db *sql.DB) {
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
}

func tFatalOnAcquireBad(t *testing.T, ctx context.Context, db *sql.DB) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 127`
	if err != nil {
		t.Fatal(err)
	}
	_ = conn
}
