// Package families pins down every built-in resource family: which calls
// acquire it and which methods release it. Each buggy case (with a want) is
// followed by its correct twin, which differs in one line.
package families

import (
	"context"
	"database/sql"
	"errors"
)

var errNotOK = errors.New("not ok")

// database/sql DB.Conn -> Conn.Close.
func sqlConnBad(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `\*sql\.Conn acquired here is not released on the path returning at line 20 \(call Close, or defer conn\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func sqlConnGood(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

// database/sql DB.Begin -> Tx.Commit or Tx.Rollback.
func sqlBeginBad(db *sql.DB) error {
	tx, err := db.Begin() // want `\*sql\.Tx acquired here is not released on the path returning at line 39 \(call Commit or Rollback, or defer tx\.Rollback\(\) after the error check\)`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

func sqlBeginGood(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// database/sql DB.BeginTx -> Tx.Rollback (deferred) / Commit.
func sqlDBBeginTxBad(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil) // want `\*sql\.Tx acquired here is not released on the path returning at line 63`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

func sqlDBBeginTxGood(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

// database/sql Conn.BeginTx -> Tx.Commit or Tx.Rollback.
func sqlConnBeginTxBad(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, nil) // want `\*sql\.Tx acquired here is not released on the path returning at line 87`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

func sqlConnBeginTxGood(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

// database/sql DB.Query -> Rows.Close.
func sqlDBQueryBad(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 110 \(call Close, or defer rows\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlDBQueryGood(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// database/sql DB.QueryContext -> Rows.Close.
func sqlDBQueryContextBad(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 128`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlDBQueryContextGood(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// database/sql Conn.QueryContext -> Rows.Close.
func sqlConnQueryContextBad(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, "SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 146`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlConnQueryContextGood(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// database/sql Tx.Query -> Rows.Close.
func sqlTxQueryBad(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 164`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlTxQueryGood(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// database/sql Tx.QueryContext -> Rows.Close.
func sqlTxQueryContextBad(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT 1") // want `\*sql\.Rows acquired here is not released on the path returning at line 182`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlTxQueryContextGood(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// database/sql Stmt.Query -> Rows.Close.
func sqlStmtQueryBad(stmt *sql.Stmt) error {
	rows, err := stmt.Query(1) // want `\*sql\.Rows acquired here is not released on the path returning at line 200`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlStmtQueryGood(stmt *sql.Stmt) error {
	rows, err := stmt.Query(1)
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

// database/sql Stmt.QueryContext -> Rows.Close.
func sqlStmtQueryContextBad(ctx context.Context, stmt *sql.Stmt) error {
	rows, err := stmt.QueryContext(ctx, 1) // want `\*sql\.Rows acquired here is not released on the path returning at line 218`
	if err != nil {
		return err
	}
	return rows.Err()
}

func sqlStmtQueryContextGood(ctx context.Context, stmt *sql.Stmt) error {
	rows, err := stmt.QueryContext(ctx, 1)
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}
