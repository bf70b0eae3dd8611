// Package helpertxwrapped: the Rows of a Stmt prepared on a Tx whose
// Rollback a test helper registered to run at cleanup, in the shape
// github.com/lib/pq v1.12.3 has it (encode_test.go:348,
// TestByteaOutputFormats; package helpertx has the minimised shapes). Three
// steps stand between the Rows and the Tx here:
//   - pqtest.Begin does not give the Rollback to t.Cleanup: it appends a
//     closure calling it to a global map of cleanups, which the t.Cleanup
//     that MustDB registered runs;
//   - pqtest.Prepare receives the Tx as an interface and calls Prepare on
//     it, so whether the Stmt is tied to that argument depends on the
//     caller's concrete type;
//   - it returns the Stmt wrapped in a struct that embeds it, and the test
//     calls the promoted Query.
//
// database/sql closes the Rows when the Tx ends, which the cleanup does:
// the report is false (not actionable), as in package helpertx.
//
// Expected: silent. Fixed: a releasing closure appended to a list kept in
// a map arranges the release (handles.go, holdsReleaser); a summary says
// which results are what a method invoked on an interface parameter
// returns (Param.InvokedResults), and the caller applies the tie of its
// concrete type's method; results that are a new struct embedding the
// resource count, and the walk up the ties goes from an embedded field to
// the struct (ties.go, producer).
package helpertxwrapped

import (
	"database/sql"
	"testing"

	"triage/helpertxwrapped/pqtest"
)

func TestRowsOfWrappedStmtOnCleanupTx(t *testing.T) {
	var sqldb *sql.DB
	db := pqtest.MustDB(t, sqldb)
	tx := pqtest.Begin(t, db)
	stmt := pqtest.Prepare(t, tx, "select 1", db)
	rows, err := stmt.Query()
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
}
