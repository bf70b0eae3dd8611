// Package closures pins down resources captured by closures and goroutines,
// and acquisitions inside function literals. Each buggy case (with a want)
// is followed by its correct twin, which differs in one line.
package closures

import (
	"context"
	"database/sql"
	"errors"
)

var errNotOK = errors.New("not ok")

// A closure called on the spot that releases the captured resource.
func calledClosureBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 23`
	if err != nil {
		return err
	}
	func() {
		conn.PingContext(ctx)
	}()
	return nil
}

func calledClosureGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	func() {
		conn.Close()
	}()
	return nil
}

// A cleanup closure kept in a variable covers only the paths that call it.
func cleanupVarBad(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 45`
	if err != nil {
		return err
	}
	cleanup := func() { conn.Close() }
	if !ok {
		return errNotOK
	}
	cleanup()
	return nil
}

func cleanupVarGood(ctx context.Context, db *sql.DB, ok bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	cleanup := func() { conn.Close() }
	if !ok {
		cleanup()
		return errNotOK
	}
	cleanup()
	return nil
}

// Returning a closure that captures the resource hands it on.
func returnedClosureBad(ctx context.Context, db *sql.DB) (func() error, error) {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 71`
	if err != nil {
		return nil, err
	}
	return func() error { return nil }, conn.PingContext(ctx)
}

func returnedClosureGood(ctx context.Context, db *sql.DB) (func() error, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return func() error { return conn.Close() }, conn.PingContext(ctx)
}

// A goroutine closure that releases the captured resource.
func goClosureBad(ctx context.Context, db *sql.DB, done chan<- error) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 91`
	if err != nil {
		return err
	}
	go func() {
		done <- conn.PingContext(ctx)
	}()
	return nil
}

func goClosureGood(ctx context.Context, db *sql.DB, done chan<- error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	go func() {
		defer conn.Close()
		done <- conn.PingContext(ctx)
	}()
	return nil
}

// A goroutine given the resource as an argument.
func goArgBad(ctx context.Context, db *sql.DB, done chan<- error) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 115`
	if err != nil {
		return err
	}
	go func(c *sql.Conn) {
		done <- c.PingContext(ctx)
	}(conn)
	return nil
}

func goArgGood(ctx context.Context, db *sql.DB, done chan<- error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	go func(c *sql.Conn) {
		defer c.Close()
		done <- c.PingContext(ctx)
	}(conn)
	return nil
}

// Acquisitions inside a function literal are checked in the literal.
func inLiteralBad(db *sql.DB) func() error {
	return func() error {
		rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 137`
		if err != nil {
			return err
		}
		return rows.Err()
	}
}

func inLiteralGood(db *sql.DB) func() error {
	return func() error {
		rows, err := db.Query("SELECT 1")
		if err != nil {
			return err
		}
		defer rows.Close()
		return rows.Err()
	}
}
