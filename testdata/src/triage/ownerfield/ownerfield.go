// Package ownerfield: a struct that owns a batch and borrows the
// connection it came from (the caller keeps and closes the connection).
//
// Found in github.com/ClickHouse/clickhouse-go/v2 v2.51.0,
// examples/clickhouse_api/batch_release_connection.go (2 reports):
//   - :50, `conn.QueryRow(...)` reported "driver.Conn QueryRow called after
//     its release at line 37", line 37 being `batch.Send()` of the
//     *YourBatch made by New(ctx, conn, ...): YourBatch.Send sends and
//     re-prepares the owned batch; it never closes the conn it only
//     borrowed, but releasing the owner is taken for releasing the conn
//     stored in it.
//   - :28, the *YourBatch reported not released when `batch.Append` fails:
//     YourBatch.Append returns the owned batch's Append, which releases the
//     batch when it fails (the catalogue's released-on-error); the wrapper's
//     summary does not carry that condition to its own Append.
//
// The first shows only when the conn is not released in the function (as in
// the example, which never closes it: that leak is true and stays); with
// `defer conn.Close()` the use after Send is not reported.
//
// The first is fixed (a method of a struct of the package uses, never
// releases, a resource that can only be in a field the struct borrows;
// rc/fields/borrowed.go); the second is open.
//
// Expected: no report on Ping after Send (the conn is the caller's); a
// failing YourBatch.Append releases like driver.Batch.Append. The twin that
// never sends (leak) is still reported.
package ownerfield

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

type YourBatch struct {
	ctx   context.Context
	conn  driver.Conn
	batch driver.Batch
}

func New(ctx context.Context, conn driver.Conn) (*YourBatch, error) {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO example")
	if err != nil {
		return nil, err
	}
	return &YourBatch{ctx: ctx, conn: conn, batch: batch}, nil
}

func (b *YourBatch) Append(v any) error { return b.batch.Append(v) }

func (b *YourBatch) Send() error {
	if err := b.batch.Send(); err != nil {
		return err
	}
	batch, err := b.conn.PrepareBatch(b.ctx, "INSERT INTO example")
	if err != nil {
		return err
	}
	b.batch = batch
	return nil
}

func sendThenQuery(ctx context.Context, opt *clickhouse.Options) error {
	conn, err := clickhouse.Open(opt) // want `driver\.Conn acquired here is not released on the path returning at line 69`
	if err != nil {
		return err
	}
	defer func() { _ = conn.Exec(ctx, "DROP TABLE example") }()
	batch, err := New(ctx, conn)
	if err != nil {
		return err
	}
	if err := batch.Append(1); err != nil {
		return err
	}
	if err := batch.Send(); err != nil {
		return err
	}
	return conn.Ping(ctx)
}

func neverSent(ctx context.Context, conn driver.Conn) error {
	batch, err := New(ctx, conn) // want `\*ownerfield\.YourBatch acquired here is not released on the path returning at line 86`
	if err != nil {
		return err
	}
	_ = batch.Append(1)
	return conn.Ping(ctx)
}
