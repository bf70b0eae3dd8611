// Package ownerborrow: calling a method of an owning struct borrows it; it
// does not release or hand it on.
//
// Found in github.com/jmoiron/sqlx v1.4.0, named_context_test.go:38 and :81
// (TestNamedContextQueries; the same in named_test.go): a *sqlx.NamedStmt
// from db.PrepareNamedContext is used with ns.QueryxContext, ns.SelectContext
// or ns.ExecContext and never closed. connlint (at 6e129c5) reports the
// NamedStmts of the same test that are only discarded (lines 22 and 27) but
// not these: once any method of the inferred owning struct is called on it,
// the leak is gone. The same holds for a user wrapper with a method that only
// reads its field (W.Exec below), and for a method returning a resource
// acquired from the owned one (NamedStmt.Query: the Rows of a Stmt).
//
// Expected: a method whose summary only borrows its receiver (uses the owned
// field, calls non-release methods on it, returns a new resource acquired
// from it) leaves the caller's obligation in place: the wrapper must still be
// released. The twins that call Close stay silent.
package ownerborrow

import (
	"context"
	"database/sql"
)

// W owns a prepared statement.
type W struct{ s *sql.Stmt }

func (w *W) Close() error { return w.s.Close() }

// Exec borrows w.
func (w *W) Exec(ctx context.Context) error {
	_, err := w.s.ExecContext(ctx)
	return err
}

// Query returns Rows of w's statement: w stays the caller's to close.
func (w *W) Query(ctx context.Context) (*sql.Rows, error) {
	return w.s.QueryContext(ctx)
}

func open(ctx context.Context, db *sql.DB) (*W, error) {
	s, err := db.PrepareContext(ctx, "INSERT 1")
	if err != nil {
		return nil, err
	}
	return &W{s: s}, nil
}

func execLeak(ctx context.Context, db *sql.DB) error {
	w, err := open(ctx, db) // want `\*ownerborrow\.W acquired here is not released`
	if err != nil {
		return err
	}
	return w.Exec(ctx)
}

func execClosed(ctx context.Context, db *sql.DB) error {
	w, err := open(ctx, db)
	if err != nil {
		return err
	}
	defer w.Close()
	return w.Exec(ctx)
}

func queryLeak(ctx context.Context, db *sql.DB) error {
	w, err := open(ctx, db) // want `\*ownerborrow\.W acquired here is not released`
	if err != nil {
		return err
	}
	rows, err := w.Query(ctx)
	if err != nil {
		return err
	}
	return rows.Close()
}

func queryClosed(ctx context.Context, db *sql.DB) error {
	w, err := open(ctx, db)
	if err != nil {
		return err
	}
	defer w.Close()
	rows, err := w.Query(ctx)
	if err != nil {
		return err
	}
	return rows.Close()
}
