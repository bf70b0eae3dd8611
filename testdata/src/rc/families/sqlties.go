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

// Ties are transitive. The Rows of a Stmt prepared on a Tx close when the
// Tx ends (they watch its context), though closing the Stmt leaves them
// open; the Rows of a Tx close when the context of its BeginTx is
// canceled, since the Tx rolls back.
func sqlStmtOnTxRowsRolledBack(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare("SELECT ?")
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1)
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlStmtOnDBRowsBad(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stmt, err := db.Prepare("SELECT ?")
	if err != nil {
		return false, err
	}
	defer stmt.Close()
	rows, err := stmt.Query(1) // want `\*sql\.Rows acquired here is not released on the path returning at line 247`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlStmtOnTxRowsStmtClosedBad(tx *sql.Tx) (bool, error) {
	stmt, err := tx.Prepare("SELECT ?")
	if err != nil {
		return false, err
	}
	defer stmt.Close()
	rows, err := stmt.Query(1) // want `\*sql\.Rows acquired here is not released on the path returning at line 260`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlTxRowsBeginTxCanceled(db *sql.DB) (bool, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	rows, err := tx.Query("SELECT 1")
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlTxRowsBeginTxCanceledOnErrorBad(db *sql.DB) (bool, error) {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil) // want `\*sql\.Tx acquired here is not released on the path returning at line 289`
	if err != nil {
		cancel()
		return false, err
	}
	rows, err := tx.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 289`
	if err != nil {
		cancel()
		return false, err
	}
	return rows.Next(), nil
}

// A cancel called before the query ends the Tx: the Rows its Stmt returns
// close at once.
func sqlStmtOnCanceledTxLoop(db *sql.DB, n int) {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		cancel()
		return
	}
	stmt, err := tx.Prepare("SELECT ?")
	if err != nil {
		cancel()
		return
	}
	cancel()
	for i := 0; i < n; i++ {
		if _, err := stmt.Query(i); err != nil {
			break
		}
	}
}

func sqlStmtOnLiveTxLoopBad(db *sql.DB, n int) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return
	}
	stmt, err := tx.Prepare("SELECT ?")
	if err != nil {
		return
	}
	for i := 0; i < n; i++ {
		if _, err := stmt.Query(i); err != nil { // want `\*sql\.Rows acquired here is not released before the loop comes back and acquires the next one`
			break
		}
	}
}

// A helper that prepares on the Tx it is given returns a Stmt that the
// caller's Rollback closes, with its Rows; one that prepares on the DB
// does not.
func prepareOn(tx *sql.Tx, q string) (*sql.Stmt, error) { return tx.Prepare(q) }

func prepareOnDB(db *sql.DB, q string) (*sql.Stmt, error) { return db.Prepare(q) }

func sqlHelperStmtOnTx(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stmt, err := prepareOn(tx, "SELECT ?")
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1)
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlHelperStmtOnDBBad(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stmt, err := prepareOnDB(db, "SELECT ?") // want `\*sql\.Stmt acquired here is not released on the path returning at line 368`
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1) // want `\*sql\.Rows acquired here is not released on the path returning at line 370`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// A helper that prepares through an interface ties its Stmt to the
// argument when the caller's concrete type ties it (a *sql.Tx's Prepare),
// not otherwise (a *sql.DB's).
type preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

func prepareVia(p preparer, q string) (*sql.Stmt, error) { return p.Prepare(q) }

func sqlHelperStmtViaTx(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stmt, err := prepareVia(tx, "SELECT ?")
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1)
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlHelperStmtViaDBBad(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stmt, err := prepareVia(db, "SELECT ?") // want `\*sql\.Stmt acquired here is not released on the path returning at line 411`
	if err != nil {
		return false, err
	}
	rows, err := stmt.Query(1) // want `\*sql\.Rows acquired here is not released on the path returning at line 413`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// A helper that returns the Stmt inside a struct embedding it: the
// promoted Query's Rows are tied like the Stmt's own.
type wrappedStmt struct{ *sql.Stmt }

func prepareWrapped(p preparer, q string) (*wrappedStmt, error) {
	st, err := p.Prepare(q)
	if err != nil {
		return nil, err
	}
	return &wrappedStmt{st}, nil
}

func sqlWrappedStmtOnTx(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	w, err := prepareWrapped(tx, "SELECT ?")
	if err != nil {
		return false, err
	}
	rows, err := w.Query(1)
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func sqlWrappedStmtOnDBBad(db *sql.DB) (bool, error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	w, err := prepareWrapped(db, "SELECT ?") // want `\*families\.wrappedStmt acquired here is not released`
	if err != nil {
		return false, err
	}
	rows, err := w.Query(1) // want `\*sql\.Rows acquired here is not released`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// A struct that also holds a conn of its own is not tied to the Tx: its
// Close must still be called.
type stmtAndConn struct {
	stmt *sql.Stmt
	conn *sql.Conn
}

func (s *stmtAndConn) Close() error {
	s.stmt.Close()
	return s.conn.Close()
}

func prepareWithConn(ctx context.Context, tx *sql.Tx, db *sql.DB) (*stmtAndConn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	st, err := tx.Prepare("SELECT 1")
	if err != nil {
		c.Close()
		return nil, err
	}
	return &stmtAndConn{stmt: st, conn: c}, nil
}

func sqlWrapperWithConnBad(ctx context.Context, db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w, err := prepareWithConn(ctx, tx, db) // want `\*families\.stmtAndConn acquired here is not released`
	if err != nil {
		return err
	}
	_, err = w.stmt.Exec()
	return err
}

// A transaction's statement made from another (Tx.Stmt) refers to it
// without owning it: the other statement is still its owner's to close.
func sqlParentStmtBad(db *sql.DB, tx *sql.Tx) error {
	st, err := db.Prepare("INSERT INTO t VALUES (?)") // want `\*sql\.Stmt acquired here is not released on the path returning at line 511`
	if err != nil {
		return err
	}
	ts := tx.Stmt(st)
	defer ts.Close()
	_, err = ts.Exec(1)
	return err
}

func sqlParentStmtClosed(db *sql.DB, tx *sql.Tx) error {
	st, err := db.Prepare("INSERT INTO t VALUES (?)")
	if err != nil {
		return err
	}
	defer st.Close()
	ts := tx.Stmt(st)
	defer ts.Close()
	_, err = ts.Exec(1)
	return err
}
