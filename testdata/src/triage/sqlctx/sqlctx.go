// Package sqlctx: database/sql releases a Rows or Tx when its context is
// canceled, and a Tx's Rows when the Tx ends.
//
// Found in std database/sql/sql_test.go (lines 465, 2902, 3019, 3766,
// 4552): database/sql documents that BeginTx "will roll back the
// transaction" if the context is canceled, and Rows watch their context
// (Rows.awaitDone closes them); Tx.Commit and Rollback cancel the Tx's
// context, which closes every Rows the Tx returned. Code that relies on
// this is correct.
//
// Expected: silent. For the database/sql families: a call of the cancel
// function returned with the context passed to the acquisition releases
// the resource; Commit/Rollback of a Tx releases the Rows acquired from
// it. A context that is never canceled on the path releases nothing: the
// last function stays reported.
package sqlctx

import (
	"context"
	"database/sql"
)

func canceled(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	rows, err := db.QueryContext(ctx, "select 1")
	if err != nil {
		cancel()
		return err
	}
	_ = rows.Next()
	cancel() // closes rows
	return nil
}

func rolledBack(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	_, err = tx.Query("select 1")
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Rollback() // closes the Rows of tx
}

func neverCanceled(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "select 1") // want `\*sql\.Rows acquired here is not released`
	if err != nil {
		return err
	}
	_ = rows.Next()
	return nil
}
