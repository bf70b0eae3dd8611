// Package pqtest is the shape of github.com/lib/pq v1.12.3's
// internal/pqtest (see package helpertxwrapped).
package pqtest

import (
	"database/sql"
	"sync"
	"testing"
)

var (
	mu       sync.Mutex
	cleanups = make(map[*sql.DB][]func())
)

// MustDB runs the cleanups registered for db when the test ends.
func MustDB(t testing.TB, db *sql.DB) *sql.DB {
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for i := len(cleanups[db]) - 1; i >= 0; i-- {
			cleanups[db][i]()
		}
		delete(cleanups, db)
	})
	return db
}

// Begin registers the Rollback of the Tx among db's cleanups.
func Begin(t testing.TB, db *sql.DB) *sql.Tx {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatalf("pqtest.Begin: %s", err)
	}
	mu.Lock()
	defer mu.Unlock()
	cleanups[db] = append(cleanups[db], func() { tx.Rollback() })
	return tx
}

type Stmt struct{ *sql.Stmt }

// Prepare prepares on a DB or a Tx, through an interface, and wraps the
// statement.
func Prepare(t testing.TB, db interface {
	Prepare(string) (*sql.Stmt, error)
}, q string, sqldb *sql.DB) *Stmt {
	t.Helper()
	stmt, err := db.Prepare(q)
	if err != nil {
		t.Fatalf("pqtest.Prepare: %s", err)
	}
	mu.Lock()
	defer mu.Unlock()
	cleanups[sqldb] = append(cleanups[sqldb], func() { stmt.Close() })
	return &Stmt{stmt}
}
