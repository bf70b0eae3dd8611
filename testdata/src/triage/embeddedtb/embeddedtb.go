// Package embeddedtb: Fatal called through a struct that embeds
// testing.TB ends the path.
//
// Found in github.com/go-sql-driver/mysql v1.10.1, driver_test.go:1804
// (TestStmtMultiRows): the test helper type is
// `type DBTest struct { testing.TB; db *sql.DB }`, and on a Query error the
// test runs `stmt.Close(); dbt.Fatal(err)`. dbt.Fatal is the promoted
// (testing.TB).Fatal, which never returns, so the later stmt.Query is not
// reached after the Close; connlint reports "*sql.Stmt Query called after
// its release at line 1799" (before and after the ownership changes).
// Helpers that call Fatalf on the embedded TB (dbt.fail, driver_test.go:262)
// have the same shape.
//
// Expected: a call of Fatal, Fatalf, FailNow, Skip, Skipf or SkipNow
// promoted from an embedded testing.TB (or *testing.T) ends the path, as a
// direct t.Fatal does. The twin that only logs (Error) stays reported.
package embeddedtb

import (
	"database/sql"
	"testing"
)

type dbTest struct {
	testing.TB
	db *sql.DB
}

func stmtFatal(dbt *dbTest) {
	stmt, err := dbt.db.Prepare("SELECT 1")
	if err != nil {
		dbt.Fatal(err)
	}
	rows1, err := stmt.Query()
	if err != nil {
		stmt.Close()
		dbt.Fatal(err) // never returns
	}
	defer rows1.Close()
	rows2, err := stmt.Query()
	if err != nil {
		dbt.Fatal(err)
	}
	rows2.Close()
	stmt.Close()
}

func stmtError(dbt *dbTest) {
	stmt, err := dbt.db.Prepare("SELECT 1")
	if err != nil {
		dbt.Fatal(err)
	}
	rows1, err := stmt.Query()
	if err != nil {
		stmt.Close()
		dbt.Error(err) // goes on
	}
	defer rows1.Close()
	rows2, err := stmt.Query() // want `\*sql\.Stmt Query called after its release`
	if err != nil {
		dbt.Fatal(err)
	}
	rows2.Close()
	stmt.Close()
}
