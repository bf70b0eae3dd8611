// Package helpertx: a Tx whose rollback a test helper registered with
// t.Cleanup releases the Rows acquired from it (and from a Stmt prepared on
// it) when the test ends.
//
// Found in github.com/lib/pq v1.12.3, encode_test.go:348
// (TestByteaOutputFormats): `tx := pqtest.Begin(t, db)` registers
// `tx.Rollback()` to run at cleanup (internal/pqtest/pqtest.go:157, run from
// the t.Cleanup that MustDB registered), `stmt := pqtest.Prepare(t, tx, ...)`
// prepares on the Tx, and `rows, err := stmt.Query()` reads one row and is
// never closed. database/sql closes a Tx's Rows, and the Rows of a Stmt
// prepared on it, when the Tx ends (the sqlctx class ties a Tx's own Rows
// to it; std's sql_test.go:2902 is the same two-level shape). The same
// judgement as std: false.
//
// Expected: silent when the Rows come from a Tx (directly or through a Stmt
// prepared on it) whose Rollback or Commit is registered with t.Cleanup (in
// the test or in a helper that received t), as it is when the Tx is ended
// in the function. A Tx from a helper that registers nothing leaves its
// Rows reported.
package helpertx

import (
	"database/sql"
	"testing"
)

func begin(t testing.TB, db *sql.DB) *sql.Tx {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatalf("begin: %s", err)
	}
	t.Cleanup(func() { tx.Rollback() })
	return tx
}

func beginBare(t testing.TB, db *sql.DB) *sql.Tx {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatalf("begin: %s", err)
	}
	return tx
}

func prepare(t testing.TB, tx *sql.Tx, q string) *sql.Stmt {
	t.Helper()
	stmt, err := tx.Prepare(q)
	if err != nil {
		t.Fatalf("prepare: %s", err)
	}
	t.Cleanup(func() { stmt.Close() })
	return stmt
}

func TestRowsOfCleanupTx(t *testing.T) {
	var db *sql.DB
	tx := begin(t, db)
	rows, err := tx.Query("select 1")
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
}

func TestRowsOfStmtOnCleanupTx(t *testing.T) {
	var db *sql.DB
	tx := begin(t, db)
	stmt := prepare(t, tx, "select 1")
	rows, err := stmt.Query()
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
}

func TestRowsOfBareTx(t *testing.T) {
	var db *sql.DB
	tx := beginBare(t, db)            // want `\*sql\.Tx acquired here is not released`
	rows, err := tx.Query("select 1") // want `\*sql\.Rows acquired here is not released`
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
}
