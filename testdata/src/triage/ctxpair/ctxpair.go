// Package ctxpair: a context and its cancel function obtained from a func
// value (or a helper) release what database/sql acquired with the context
// when the cancel is called or deferred.
//
// Found in github.com/lib/pq v1.12.3, conn_test.go:1231
// (TestStmtQueryContext): the table's `ctx func() (context.Context,
// context.CancelFunc)` gives `ctx, cancel := tt.ctx(); defer cancel()`, and
// `_, err = stmt.QueryContext(ctx)` discards the Rows. database/sql closes
// Rows when their context is canceled (the sqlctx class, fixed for
// context.WithCancel/WithTimeout called in the function itself), so the
// deferred cancel releases them; connlint does not connect the cancel to the
// context when both come from a func value.
//
// Expected: silent when the context passed to the acquisition and the
// called or deferred cancel come from the same call of a func value or
// function returning (context.Context, context.CancelFunc) — any such pair
// is a derived context and its cancel. The twin that never calls the cancel
// stays reported.
package ctxpair

import (
	"context"
	"database/sql"
	"time"
)

type testCase struct {
	ctx func() (context.Context, context.CancelFunc)
}

func withPair(db *sql.DB, stmt *sql.Stmt) error {
	tc := testCase{ctx: func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), time.Minute)
	}}
	ctx, cancel := tc.ctx()
	defer cancel()
	_, err := stmt.QueryContext(ctx)
	return err
}

func pairNeverCanceled(db *sql.DB, stmt *sql.Stmt) error {
	tc := testCase{ctx: func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), time.Minute)
	}}
	ctx, _ := tc.ctx()
	_, err := stmt.QueryContext(ctx) // want `\*sql\.Rows acquired here is not released`
	return err
}
