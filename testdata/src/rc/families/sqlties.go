package families

import (
	"context"
	"database/sql"
	"time"
)

// database/sql releases some resources itself: Rows from a *Context query
// close when the query's context is canceled, a Tx from BeginTx rolls back
// when its context is canceled, and a Tx's Rows close when it commits or
// rolls back. Code that relies on it is correct; a *sql.Conn has no such
// tie, nor does a context nobody cancels.

// The query's context is canceled at every exit.
func sqlCtxDeferredCancel(db *sql.DB) (bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlCtxNeverCanceledBad(db *sql.DB) (bool, error) {
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 32`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// Canceling a parent cancels the query's context too.
func sqlCtxParentCanceled(db *sql.DB) (bool, error) {
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx, stop := context.WithTimeout(parent, time.Second)
	_ = stop
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// The cancel is called on the error path only: the other one leaks.
func sqlCtxCanceledOnErrorBad(db *sql.DB) (bool, error) {
	ctx, cancel := context.WithCancel(context.Background())
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 56`
	if err != nil {
		cancel()
		return false, err
	}
	return rows.Next(), nil
}

func sqlCtxCanceledOnBothPaths(db *sql.DB) (bool, error) {
	ctx, cancel := context.WithCancel(context.Background())
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		cancel()
		return false, err
	}
	more := rows.Next()
	cancel()
	return more, nil
}

// A canceled context does not give a *sql.Conn back: only Close does.
func sqlCtxConnBad(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 79`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// BeginTx rolls back when its context is canceled; Begin has no context.
func sqlCtxBeginTx(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err // rolled back by the deferred cancel
	}
	return tx.Commit()
}

func sqlCtxBeginBad(db *sql.DB) error {
	_, cancel := context.WithCancel(context.Background())
	defer cancel()
	tx, err := db.Begin() // want `\*sql\.Tx acquired here is not released on the path returning at line 104`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

// A Tx's Rows close when the Tx ends; the DB's do not.
func sqlTxRowsRolledBack(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	rows, err := tx.Query("SELECT 1")
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlDBRowsNotTiedBad(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 133`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlTxRowsCommitted(tx *sql.Tx) (bool, error) {
	rows, err := tx.QueryContext(context.Background(), "SELECT 1")
	if err != nil {
		return false, err
	}
	more := rows.Next()
	return more, tx.Commit()
}

type watcher struct{ onStall func() }

// The cancel function is handed on (captured by a callback stored in a
// field): whoever calls it rolls the Tx back.
func sqlCtxCancelHandedOn(db *sql.DB, w *watcher) error {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		cancel()
		return err
	}
	w.onStall = func() { cancel() }
	_, err = tx.Exec("DELETE FROM t")
	return err
}

func sqlCtxOtherCallbackBad(db *sql.DB, w *watcher) error {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil) // want `\*sql\.Tx acquired here is not released on the path returning at line 170`
	if err != nil {
		cancel()
		return err
	}
	w.onStall = func() { println("stalled") }
	_, err = tx.Exec("DELETE FROM t")
	return err
}

// Registered before the query: cleanup(cancel) will cancel it.
func sqlCtxCancelRegistered(db *sql.DB, cleanup func(func())) (bool, error) {
	ctx, cancel := context.WithCancel(context.Background())
	cleanup(cancel)
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// The context and its cancel are both captured, so both live in variables.
func sqlCtxCapturedHandedOn(db *sql.DB, w *watcher) error {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	w.onStall = func() {
		cancel()
		<-ctx.Done()
	}
	_, err = tx.Exec("DELETE FROM t")
	return err
}

func sqlCtxCapturedNotCanceledBad(db *sql.DB, w *watcher) error {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil) // want `\*sql\.Tx acquired here is not released on the path returning at line 208`
	if err != nil {
		cancel()
		return err
	}
	w.onStall = func() { <-ctx.Done() }
	_, err = tx.Exec("DELETE FROM t")
	return err
}
