// Package nestedtx: a pgx pseudo-nested transaction (a savepoint) left
// open is ended by its parent's Rollback or Commit.
//
// Found in pgx v5.12.0 batch_tx_test.go:256: `nested, err := tx.Begin(ctx)`
// is never committed or rolled back, but the outer tx's deferred Rollback
// rolls the savepoint back with it; no connection or server state is left
// behind. Arguable (an explicit nested.Rollback is cleaner), counted as
// false in docs/triage.md.
//
// Expected: silent when the parent transaction is released on the same
// paths: a Tx from pgx.Tx.Begin could be modelled as a part of its parent
// (released with it), rather than as a resource of its own.
package nestedtx

import (
	"context"

	"github.com/jackc/pgx/v5"
)

func savepoint(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	nested, err := tx.Begin(ctx) // reported before 5d70161: "pgx.Tx acquired here is not released"
	if err != nil {
		return err
	}
	if _, err := nested.Exec(ctx, "insert into t values (1)"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
