// Package testify: testify's require assertions stop the test
// (t.FailNow, which calls runtime.Goexit) when they fail, so a path that
// goes on past one has the asserted property. The engine knows t.Fatal and
// `if !rows.Next()`, but not an assertion helper that stops on one value of
// its argument:
//
//   - `require.False(t, rows.Next())` asserts the rows are exhausted, and so
//     closed (pgx v5.12.0 pgtype/composite_test.go:460, query_test.go:2258);
//   - `require.Error(t, err)` / `require.NotNil(t, err)` after
//     `_, err = db.QueryContext(...)` asserts the call failed, so there are
//     no rows (vitess go/test/endtoend/mysqlserver/mysql_server_test.go:63).
//
// Expected: silent. Summarise "stops the goroutine when argument i is
// true / false / non-nil / nil" (from the callee's control flow: FailNow
// on one branch of a test of the argument) and use it like an if on that
// argument. Without the assertion the reports are true and stay.
package testify

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"
)

func testEmpty(t *testing.T, db *sql.DB, queries []string) {
	for _, q := range queries {
		rows, err := db.Query(q) // reported before 5d70161: "*sql.Rows acquired here is not released before the loop comes back"
		require.NoError(t, err)
		require.False(t, rows.Next())
		require.NoError(t, rows.Err())
	}
}

func testFails(t *testing.T, db *sql.DB) {
	_, err := db.Query("select 1; select 2") // reported before 5d70161: "*sql.Rows acquired here is not released"
	require.Error(t, err)
}

func testOneRow(t *testing.T, db *sql.DB) {
	rows, err := db.Query("select 1") // want `\*sql\.Rows acquired here is not released on the path returning`
	require.NoError(t, err)
	require.True(t, rows.Next())
	var n int
	require.NoError(t, rows.Scan(&n))
}
