// Package batchtx: pgx.BatchResults.Tx is meant to be called after Close.
//
// pgx v5.12.0 documents Tx: "It is available before Close is called so
// that a Rollback can be deferred as usual, but the transaction must not
// otherwise be used until Close has been called." The families table
// (internal/resource/builtin.go) does not list Tx among pgx.BatchResults'
// AfterRelease methods, so the documented use is reported as a use after
// release (6 reports in pgx's own tests).
//
// Expected: silent. Add "Tx" to pgx.BatchResults' AfterRelease.
package batchtx

import (
	"context"

	"github.com/jackc/pgx/v5"
)

func commitBatch(ctx context.Context, conn *pgx.Conn, b *pgx.Batch) error {
	b.BeginTx(pgx.TxOptions{})
	br := conn.SendBatch(ctx, b)
	if err := br.Close(); err != nil {
		return err
	}
	return br.Tx().Commit(ctx) // reported before 5d70161: "pgx.BatchResults Tx called after its release"
}
