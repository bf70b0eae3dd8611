package families

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// clickhouse-go v2's native API: driver.Conn from Open (Close), driver.Rows
// from Query (Close, or Next returning false), driver.Batch from
// PrepareBatch (Send, Abort or Close; `defer batch.Close()` next to Send is
// the documented idiom).

func chOpenBad(ctx context.Context, opt *clickhouse.Options) error {
	conn, err := clickhouse.Open(opt) // want `driver\.Conn acquired here is not released on the path returning at line 20 \(call Close, or defer conn\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return conn.Ping(ctx)
}

func chOpenGood(ctx context.Context, opt *clickhouse.Options) error {
	conn, err := clickhouse.Open(opt)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Ping(ctx)
}

func chQueryBad(ctx context.Context, conn driver.Conn) (n int, err error) {
	rows, err := conn.Query(ctx, "SELECT 1") // want `driver\.Rows acquired here is not released on the path returning at line 40 \(call Close, or defer rows\.Close\(\) after the error check\)`
	if err != nil {
		return 0, err
	}
	if rows.Next() {
		err = rows.Scan(&n)
	}
	return n, err
}

// Next returning false closed the rows.
func chQueryGood(ctx context.Context, conn driver.Conn) (n int, err error) {
	rows, err := conn.Query(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return 0, err
		}
	}
	return n, rows.Err()
}

// AppendStruct fails before it reaches the batch (a struct that does not
// map to the columns) and leaves the batch open.
func chPrepareBatchBad(ctx context.Context, conn driver.Conn, vs []any) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO t") // want `driver\.Batch acquired here is not released on the path returning at line 67 \(call Send or Abort or Close, or defer batch\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	for _, v := range vs {
		if err := batch.AppendStruct(v); err != nil {
			return err
		}
	}
	return batch.Send()
}

// A failing Append releases the batch (conn_batch.go: b.release(err) before
// it returns the error; a batch that failed earlier or was sent returns the
// stored error): returning its error leaks nothing. Found in the
// clickhouse-go v2.51.0 sweep (examples/clickhouse_api, docs/triage.md).
func chAppendErrorGood(ctx context.Context, conn driver.Conn, vs []int) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO t")
	if err != nil {
		return err
	}
	for _, v := range vs {
		if err := batch.Append(v); err != nil {
			return err
		}
	}
	return batch.Send()
}

// Send, then the deferred Close: a second release of a batch is harmless.
func chPrepareBatchGood(ctx context.Context, conn driver.Conn, vs []any) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO t")
	if err != nil {
		return err
	}
	defer batch.Close()
	for _, v := range vs {
		if err := batch.AppendStruct(v); err != nil {
			return err
		}
	}
	return batch.Send()
}

// HasData reports false on closed rows (tests/has_data_test.go "after
// close"): legal after Close.
func chHasDataAfterCloseGood(ctx context.Context, conn driver.Conn) (bool, error) {
	rows, err := conn.Query(ctx, "SELECT 1")
	if err != nil {
		return false, err
	}
	rows.Close()
	return rows.HasData(), nil
}

// Scan after Close is still a use of closed rows.
func chScanAfterCloseBad(ctx context.Context, conn driver.Conn) (n int, err error) {
	rows, err := conn.Query(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	rows.Close()
	err = rows.Scan(&n) // want `driver\.Rows Scan called after its release at line 122`
	return n, err
}
