// Package canceledctx: database/sql never acquires with a context that is
// already canceled.
//
// Found in github.com/go-sql-driver/mysql v1.10.1, driver_test.go:2825
// (TestContextCancelPrepare: `cancel()` then
// `if _, err := dbt.db.PrepareContext(ctx, "SELECT 1"); err != context.Canceled`)
// and driver_test.go:3494 (`db.Conn(ctx)` after `cancel()`): the test
// checks that the call fails. database/sql checks ctx.Done() before it does
// anything (DB.conn returns ctx.Err() first), so no Stmt or Conn exists on
// any path; connlint reports it as not released (before and after the
// ownership changes).
//
// Expected: an acquisition of a database/sql family (Conn, Begin*, Query*,
// Prepare*) whose context argument comes from context.WithCancel (or
// WithTimeout/WithDeadline) and whose cancel function is called on every
// path before the acquisition is no acquisition. A cancel called after the
// acquisition, or on some paths only, stays reported.
package canceledctx

import (
	"context"
	"database/sql"
	"testing"
)

func canceledFirst(t *testing.T, db *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.PrepareContext(ctx, "SELECT 1"); err != context.Canceled {
		t.Errorf("expected context.Canceled, got %v", err)
	}
	if _, err := db.Conn(ctx); err != context.Canceled {
		t.Errorf("expected context.Canceled, got %v", err)
	}
}

func canceledAfter(t *testing.T, db *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := db.PrepareContext(ctx, "SELECT 1"); err != context.Canceled { // want `\*sql\.Stmt acquired here is not released`
		t.Errorf("expected context.Canceled, got %v", err)
	}
}
