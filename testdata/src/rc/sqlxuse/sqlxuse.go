// Package sqlxuse: github.com/jmoiron/sqlx is not in the built-in table;
// its families are inferred from its code (structs embedding *sql.Rows,
// *sql.Tx, *sql.Stmt, *sql.Conn, and NamedStmt's Close).
package sqlxuse

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type user struct{ Name string }

func queryxLeak(db *sqlx.DB) error {
	rows, err := db.Queryx("SELECT name FROM users") // want `\*sqlx.Rows acquired here is not released on the path returning at line 21`
	if err != nil {
		return err
	}
	var u user
	if rows.Next() {
		return rows.StructScan(&u)
	}
	return nil
}

func queryxClosed(db *sqlx.DB) error {
	rows, err := db.Queryx("SELECT name FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	var u user
	if rows.Next() {
		return rows.StructScan(&u)
	}
	return nil
}

func queryxDrained(db *sqlx.DB) ([]user, error) {
	rows, err := db.Queryx("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var us []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			rows.Close()
			return nil, err
		}
		us = append(us, u)
	}
	return us, rows.Err()
}

// QueryRowx returns a *sqlx.Row, whose Scan closes the rows: like
// database/sql's QueryRow, not an acquisition.
func queryRowx(db *sqlx.DB) (string, error) {
	var name string
	err := db.QueryRowx("SELECT name FROM users LIMIT 1").Scan(&name)
	return name, err
}

func beginxLeak(db *sqlx.DB, fail bool) error {
	tx, err := db.Beginx() // want `\*sqlx.Tx acquired here is not released on the path returning at line 70`
	if err != nil {
		return err
	}
	if fail {
		return context.Canceled
	}
	return tx.Commit()
}

func beginxRolledBack(db *sqlx.DB, fail bool) error {
	tx, err := db.Beginx()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if fail {
		return context.Canceled
	}
	return tx.Commit()
}

func beginTxxLeak(ctx context.Context, db *sqlx.DB) error {
	tx, err := db.BeginTxx(ctx, nil) // want `\*sqlx.Tx acquired here is not released on the path returning at line 94`
	if err != nil {
		return err
	}
	_, err = tx.Exec("DELETE FROM users")
	if err != nil {
		return err
	}
	return tx.Commit()
}

func beginTxxCommitted(ctx context.Context, db *sqlx.DB) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.Exec("DELETE FROM users")
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func mustBeginLeak(db *sqlx.DB) {
	tx := db.MustBegin() // want `\*sqlx.Tx acquired here is not released on the path returning at line 115`
	tx.Exec("DELETE FROM users")
}

func mustBeginCommitted(db *sqlx.DB) error {
	tx := db.MustBegin()
	tx.Exec("DELETE FROM users")
	return tx.Commit()
}

func preparexLeak(db *sqlx.DB) error {
	stmt, err := db.Preparex("SELECT 1") // want `\*sqlx.Stmt acquired here is not released on the path returning at line 129`
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

func preparexClosed(db *sqlx.DB) error {
	stmt, err := db.Preparex("SELECT 1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.Exec()
	return err
}

func prepareNamedLeak(db *sqlx.DB) error {
	stmt, err := db.PrepareNamed("SELECT * FROM users WHERE name = :name") // want `\*sqlx.NamedStmt acquired here is not released on the path returning at line 149`
	if err != nil {
		return err
	}
	rows, err := stmt.Queryx(user{"x"})
	if err != nil {
		return err
	}
	return rows.Close()
}

func prepareNamedClosed(db *sqlx.DB) error {
	stmt, err := db.PrepareNamed("SELECT * FROM users WHERE name = :name")
	if err != nil {
		return err
	}
	defer stmt.Close()
	rows, err := stmt.Queryx(user{"x"})
	if err != nil {
		return err
	}
	return rows.Close()
}

func namedQueryLeak(db *sqlx.DB) error {
	rows, err := db.NamedQuery("SELECT * FROM users WHERE name = :name", user{"x"}) // want `\*sqlx.Rows acquired here is not released on the path returning at line 172`
	if err != nil {
		return err
	}
	return rows.Err()
}

func namedQueryClosed(db *sqlx.DB) error {
	rows, err := db.NamedQuery("SELECT * FROM users WHERE name = :name", user{"x"})
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}

func connxLeak(ctx context.Context, db *sqlx.DB) error {
	conn, err := db.Connx(ctx) // want `\*sqlx.Conn acquired here is not released on the path returning at line 189`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func connxClosed(ctx context.Context, db *sqlx.DB) error {
	conn, err := db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

// Select and Get close what they query.
func selectAll(db *sqlx.DB) ([]user, error) {
	var us []user
	err := db.Select(&us, "SELECT name FROM users")
	return us, err
}

// A transaction's statements (Tx.Stmtx, Tx.NamedStmt: sql's Tx.Stmt inside
// a wrapper) close when it commits or rolls back; a statement prepared on
// the DB does not.
func txStmtxCommitted(db *sqlx.DB, stmt *sqlx.Stmt) error {
	tx, err := db.Beginx()
	if err != nil {
		return err
	}
	ts := tx.Stmtx(stmt)
	if _, err := ts.Exec(1); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func txNamedStmtCommitted(db *sqlx.DB, ns *sqlx.NamedStmt) error {
	tx, err := db.Beginx()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	tns := tx.NamedStmt(ns)
	rows, err := tns.Queryx(user{})
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return tx.Commit()
}

func dbStmtxInTxBad(db *sqlx.DB) error {
	tx, err := db.Beginx()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := db.Preparex("SELECT 1") // want `\*sqlx.Stmt acquired here is not released on the path returning at line 253`
	if err != nil {
		return err
	}
	if _, err := st.Exec(1); err != nil {
		return err
	}
	return tx.Commit()
}
