package typestate

import (
	"context"
	"database/sql"
	"testing"
)

// A deferred Close does not excuse a use after an earlier direct Close.
func useAfterDirectCloseWithDeferred(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.Close()
	return conn.PingContext(ctx) // want `\*sql.Conn PingContext called after its release at line 16`
}

func useBeforeDirectCloseWithDeferred(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	err = conn.PingContext(ctx)
	conn.Close()
	return err
}

// A helper that always fails the test ends the path, like t.Fatal.
func mustNotFail(t *testing.T, err error) {
	t.Helper()
	t.Fatalf("unexpected: %v", err)
}

type suite struct{ *testing.T }

func failHelper(t *testing.T, db *sql.DB) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		mustNotFail(t, err)
	}
	rows.Next()
	rows.Close()
}

func failEmbedded(s suite, db *sql.DB) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		s.Fatal(err)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		s.Fatal(err)
	}
	rows.Next()
	rows.Close()
}
