// Package assertwrapper: a test's own assertion helper, a closure that
// calls require.Error on its error argument first, stops the test when the
// error is nil, as require.Error does; after a call to it the acquisition
// that returned the error has failed.
//
// Found in github.com/ClickHouse/clickhouse-go/v2 v2.51.0,
// tests/issues/issue_1877_test.go:63 and :159 (2 reports):
// `_, err = conn.Query(ctx, "SELECT * FROM no_such_table")`, then
// `requireException(t, err, ...)` where `requireException := func(t, err,
// ...) *clickhouse.Exception { t.Helper(); require.Error(t, err); ... }`,
// reported "driver.Rows acquired here is not released", docs/triage.md.
// coder/websocket's own internal/test/assert is the same class with an
// assertion package connlint does not know.
//
// Expected: silent with the wrapper as with require.Error itself (direct);
// the twin whose helper asserts nothing (logOnly) is still a leak.
package assertwrapper

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWrapper(t *testing.T) {
	var db *sql.DB
	requireFailed := func(t *testing.T, err error, what string) {
		t.Helper()
		require.Error(t, err, what)
	}
	_, err := db.Query("select * from no_such_table")
	requireFailed(t, err, "unknown table")
}

func requireFailedNamed(t *testing.T, err error) {
	t.Helper()
	require.Error(t, err)
}

func TestNamedWrapper(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("select * from no_such_table")
	requireFailedNamed(t, err)
}

func TestDirect(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("select * from no_such_table")
	require.Error(t, err)
}

func logOnly(t *testing.T, err error) { t.Log(err) }

func TestLogOnly(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("select 1") // want `\*sql\.Rows acquired here is not released`
	logOnly(t, err)
}
