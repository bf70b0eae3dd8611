// Package handles: cleanup functions returned beside a resource, and
// closures that capture one.
package handles

import (
	"context"
	"database/sql"
	"errors"
	"testing"

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
	conn, _, err := getConn(ctx, db) // want `\*sql.Conn acquired here is not released on the path returning at line 46`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func cleanupOnOnePath(ctx context.Context, db *sql.DB, fast bool) error {
	conn, cleanup, err := getConn(ctx, db) // want `\*sql.Conn acquired here is not released on the path returning at line 55`
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
	conn, _, err := lib.Conn(ctx, db) // want `\*sql.Conn acquired here is not released on the path returning at line 89`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// A closure that only uses the connection borrows it, even when returned:
// the connection must still be closed by someone.
func returnsBorrowingClosure(ctx context.Context, db *sql.DB) func() error {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 99`
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
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 120`
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
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 141`
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
	conn, _, err := getLockedConn(ctx, db, true) // want `\*sql.Conn acquired here is not released on the path returning at line 184`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// A test helper that registers the rollback with t.Cleanup: its callers owe
// nothing, neither for the transaction nor for the rows it owns.
func beginTx(t *testing.T, db *sql.DB) *sql.Tx {
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback() })
	return tx
}

func rowsOfCleanupTx(t *testing.T, db *sql.DB) {
	tx := beginTx(t, db)
	rows, err := tx.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// Without the cleanup, the helper hands the transaction to its caller.
func beginTxPlain(t *testing.T, db *sql.DB) *sql.Tx {
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

func plainTx(t *testing.T, db *sql.DB) {
	tx := beginTxPlain(t, db) // want `\*sql.Tx acquired here is not released on the path returning at line 223`
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		t.Fatal(err)
	}
}

func cleanupTx(t *testing.T, db *sql.DB) {
	tx := beginTx(t, db)
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		t.Fatal(err)
	}
}

// A helper that appends the rollback to a list of cleanups kept in a
// global (that a test's cleanup runs) arranges it as well; one whose
// listed closure only uses the transaction hands it to its caller.
var cleanups []func()

func beginTxListed(db *sql.DB) (*sql.Tx, error) {
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	cleanups = append(cleanups, func() { tx.Rollback() })
	return tx, nil
}

func beginTxListedExec(db *sql.DB) (*sql.Tx, error) {
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	cleanups = append(cleanups, func() { tx.Exec("SELECT 1") })
	return tx, nil
}

func rowsOfListedTx(db *sql.DB) error {
	tx, err := beginTxListed(db)
	if err != nil {
		return err
	}
	rows, err := tx.Query("SELECT 1")
	if err != nil {
		return err
	}
	return rows.Err()
}

func rowsOfListedExecTxBad(db *sql.DB) error {
	tx, err := beginTxListedExec(db) // want `\*sql.Tx acquired here is not released on the path returning at line 274`
	if err != nil {
		return err
	}
	rows, err := tx.Query("SELECT 1") // want `\*sql.Rows acquired here is not released on the path returning at line 276`
	if err != nil {
		return err
	}
	return rows.Err()
}
