package summaries

import (
	"context"
	"database/sql"
	"errors"
)

// closeOnErr releases the connection exactly when it returns an error.
func closeOnErr(c *sql.Conn, err error) error {
	if err != nil {
		c.Close()
		return err
	}
	return nil
}

func closedOnErrorOnly(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql.Conn acquired here is not released on the path returning at line 26`
	if err != nil {
		return err
	}
	if err := closeOnErr(conn, conn.PingContext(ctx)); err != nil {
		return err
	}
	return nil
}

func closedOnErrorThenClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	if err := closeOnErr(conn, conn.PingContext(ctx)); err != nil {
		return err
	}
	return conn.Close()
}

var errInvalid = errors.New("invalid")

// finish commits, unless the transaction is invalid: then it leaves it open.
func finish(tx *sql.Tx, valid bool) error {
	if !valid {
		return errInvalid
	}
	return tx.Commit()
}

func finishedWithoutRollback(ctx context.Context, db *sql.DB, valid bool) error {
	tx, err := db.BeginTx(ctx, nil) // want `\*sql.Tx acquired here is not released on the path returning at line 56`
	if err != nil {
		return err
	}
	if err := finish(tx, valid); err != nil {
		return err
	}
	return nil
}

func finishedWithRollback(ctx context.Context, db *sql.DB, valid bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := finish(tx, valid); err != nil {
		tx.Rollback()
		return err
	}
	return nil
}

// maybeClose releases on one path, with no error to tell: its callers
// count it as keeping the connection (no report either way).
func maybeClose(c *sql.Conn, done bool) {
	if done {
		c.Close()
	}
}

func maybeClosed(ctx context.Context, db *sql.DB, done bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	maybeClose(conn, done)
	return nil
}

// A ctx, cancel pair from a helper or a func value: canceling the context
// closes the rows database/sql handed out for it.
func timeoutCtx() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

func rowsCanceledByHelperCtx(db *sql.DB) error {
	ctx, cancel := timeoutCtx()
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	return rows.Err()
}

func rowsOfHelperCtxNotCanceled(db *sql.DB) error {
	ctx, _ := timeoutCtx()
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `\*sql.Rows acquired here is not released on the path returning at line 112`
	if err != nil {
		return err
	}
	return rows.Err()
}

func rowsCanceledByFuncValueCtx(db *sql.DB, mk func() (context.Context, context.CancelFunc)) error {
	ctx, cancel := mk()
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	return rows.Err()
}
