// Package helpertx: a Tx whose rollback a test helper registered with
// t.Cleanup releases the Rows acquired from it (and from a Stmt prepared on
// it) when the test ends.
//
// Minimised from github.com/lib/pq v1.12.3, encode_test.go:348
// (TestByteaOutputFormats): `tx := pqtest.Begin(t, db)` registers
// `tx.Rollback()` to run at cleanup, `stmt := pqtest.Prepare(t, tx, ...)`
// prepares on the Tx, and `rows, err := stmt.Query()` reads one row and is
// never closed. database/sql closes a Tx's Rows, and the Rows of a Stmt
// prepared on it, when the Tx ends (the sqlctx class ties a Tx's own Rows
// to it; std's sql_test.go:2902 is the same two-level shape, with the Tx's
// context canceled before the queries). The same judgement as std: false.
// pq's own helpers add three steps this package leaves out (an interface,
// a wrapper struct, a global map of cleanups): package helpertxwrapped.
//
// Expected: silent when the Rows come from a Tx (directly or through a Stmt
// prepared on it) whose Rollback or Commit is registered with t.Cleanup (in
// the test or in a helper that received t), as it is when the Tx is ended
// in the function, or whose context was canceled before the query (std's
// shape). A Tx from a helper that registers nothing leaves its Rows
// reported. Fixed by transitive ties (internal/ownership/ties.go): a Stmt's
// Rows inherit the Stmt's ties (resource.Tie.ReceiverTies), a helper's
// summary says which results are tied to which argument
// (Param.TiedResults), and a cancel called before the query counts for
// every context the Rows watch.
package helpertx

import (
	"context"
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

// std's sql_test.go:2902 (TestTxStmtDeadlock): the context of the Tx is
// canceled before the loop, which ends the Tx and so closes every Rows of
// its Stmt as soon as the query returns them.
func TestRowsOfStmtOnCanceledTx(t *testing.T) {
	var db *sql.DB
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	stmt, err := tx.Prepare("select ?")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	for i := 0; i < 1e3; i++ {
		_, err = stmt.Query(1)
		if err != nil {
			break
		}
	}
	_ = tx.Rollback()
}
