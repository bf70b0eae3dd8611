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

func chPrepareBatchBad(ctx context.Context, conn driver.Conn, vs []int) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO t") // want `driver\.Batch acquired here is not released on the path returning at line 65 \(call Send or Abort or Close, or defer batch\.Close\(\) after the error check\)`
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
func chPrepareBatchGood(ctx context.Context, conn driver.Conn, vs []int) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO t")
	if err != nil {
		return err
	}
	defer batch.Close()
	for _, v := range vs {
		if err := batch.Append(v); err != nil {
			return err
		}
	}
	return batch.Send()
}
