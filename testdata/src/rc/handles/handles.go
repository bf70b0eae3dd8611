// Package handles: cleanup functions returned beside a resource, and
// closures that capture one.
package handles

import (
	"context"
	"database/sql"
	"errors"

	"rc/handles/lib"
)

func getConn(ctx context.Context, db *sql.DB) (*sql.Conn, func(), error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	return c, func() { c.Close() }, nil
}

func deferredCleanup(ctx context.Context, db *sql.DB) error {
	conn, cleanup, err := getConn(ctx, db)
	if err != nil {
		return err
	}
	defer cleanup()
	return conn.PingContext(ctx)
}

func calledCleanup(ctx context.Context, db *sql.DB) error {
	conn, cleanup, err := getConn(ctx, db)
	if err != nil {
		return err
	}
	err = conn.PingContext(ctx)
	cleanup()
	return err
}

func droppedCleanup(ctx context.Context, db *sql.DB) error {
	conn, _, err := getConn(ctx, db) // want `\*sql.Conn acquired here is not released on the path returning at line 45`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func cleanupOnOnePath(ctx context.Context, db *sql.DB, fast bool) error {
	conn, cleanup, err := getConn(ctx, db) // want `\*sql.Conn acquired here is not released on the path returning at line 54`
	if err != nil {
		return err
	}
	if fast {
		return nil
	}
	defer cleanup()
	return conn.PingContext(ctx)
}

// Handed on: returned to the caller with its cleanup.
func passThrough(ctx context.Context, db *sql.DB) (*sql.Conn, func(), error) {
	return getConn(ctx, db)
}

func deferredPassedThrough(ctx context.Context, db *sql.DB) error {
	conn, cleanup, err := passThrough(ctx, db)
	if err != nil {
		return err
	}
	defer cleanup()
	return conn.PingContext(ctx)
}

func crossPackage(ctx context.Context, db *sql.DB) error {
	conn, cleanup, err := lib.Conn(ctx, db)
	if err != nil {
		return err
	}
	defer cleanup()
	return conn.PingContext(ctx)
}

func crossPackageDropped(ctx context.Context, db *sql.DB) error {
	conn, _, err := lib.Conn(ctx, db) // want `\*sql.Conn acquired here is not released on the path returning at line 88`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// A closure that only uses the connection borrows it, even when returned:
// the connection must still be closed by someone.
func returnsBorrowingClosure(ctx context.Context, db *sql.DB) func() error {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 98`
	if err != nil {
		return nil
	}
	return func() error { return conn.PingContext(ctx) }
}

// One that closes it takes it over.
func returnsClosingClosure(ctx context.Context, db *sql.DB) func() error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil
	}
	return func() error {
		defer conn.Close()
		return conn.PingContext(ctx)
	}
}

func goroutineBorrows(ctx context.Context, db *sql.DB, done chan error) {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 119`
	if err != nil {
		return
	}
	go func() { done <- conn.PingContext(ctx) }()
}

func goroutineCloses(ctx context.Context, db *sql.DB, done chan error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return
	}
	go func() {
		defer conn.Close()
		done <- conn.PingContext(ctx)
	}()
}

var hooks []func()

func storedBorrowingClosure(ctx context.Context, db *sql.DB) {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 140`
	if err != nil {
		return
	}
	hooks = append(hooks, func() { conn.PingContext(ctx) })
}

func storedClosingClosure(ctx context.Context, db *sql.DB) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return
	}
	hooks = append(hooks, func() { conn.Close() })
}

// The cleanup is chosen on a branch (a φ of two releasing closures), and
// called from a deferred closure.
func getLockedConn(ctx context.Context, db *sql.DB, lock bool) (*sql.Conn, func() error, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() error { return c.Close() }
	if lock {
		cleanup = func() error {
			_, err := c.ExecContext(ctx, "SELECT RELEASE_LOCK('x')")
			return errors.Join(err, c.Close())
		}
	}
	return c, cleanup, nil
}

func cleanupInDeferredClosure(ctx context.Context, db *sql.DB) (retErr error) {
	conn, cleanup, err := getLockedConn(ctx, db, true)
	if err != nil {
		return err
	}
	defer func() {
		retErr = errors.Join(retErr, cleanup())
	}()
	return conn.PingContext(ctx)
}

func cleanupChosenDropped(ctx context.Context, db *sql.DB) error {
	conn, _, err := getLockedConn(ctx, db, true) // want `\*sql.Conn acquired here is not released on the path returning at line 183`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}
