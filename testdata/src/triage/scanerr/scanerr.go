// Package scanerr: pgx closes rows when Scan fails.
//
// pgx v5.12.0 documents Rows.Scan: "Rows is automatically closed upon
// error" (baseRows.Scan calls rows.fatal, which calls Close, on every error
// path). Returning right after a failed Scan, the most common pgx loop,
// leaks nothing; it is reported (pgx examples/todo/main.go:74,
// conn_test.go:881). database/sql does not do this: the same loop over
// *sql.Rows is a true leak and must stay reported.
//
// Expected: silent for pgx. The families table could say that a non-nil
// error from Scan releases pgx.Rows, as ReleasedWhenFalse does for Next.
package scanerr

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

func names(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, _ := conn.Query(ctx, "select name from t") // reported before 5d70161: "pgx.Rows acquired here is not released on the path returning"
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func sqlNames(db *sql.DB) ([]string, error) {
	rows, err := db.Query("select name from t") // want `\*sql\.Rows acquired here is not released on the path returning at line 43`
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
