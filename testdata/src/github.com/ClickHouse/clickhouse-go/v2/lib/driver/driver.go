// Stub of github.com/ClickHouse/clickhouse-go/v2@v2.51.0 (lib/driver) for offline analysistest; signatures copied
// from the real package. The interfaces carry a subset of their real methods.

// Package driver holds the interfaces of clickhouse-go's native API.
package driver

import "context"

type (
	// PrepareBatchOptions configure a batch.
	PrepareBatchOptions struct {
		ReleaseConnection bool
	}
	// PrepareBatchOption sets an option of a batch.
	PrepareBatchOption func(options *PrepareBatchOptions)

	// Conn is the client-facing connection interface of the native API,
	// obtained from clickhouse.Open.
	Conn interface {
		Select(ctx context.Context, dest any, query string, args ...any) error
		Query(ctx context.Context, query string, args ...any) (Rows, error)
		QueryRow(ctx context.Context, query string, args ...any) Row
		PrepareBatch(ctx context.Context, query string, opts ...PrepareBatchOption) (Batch, error)
		Exec(ctx context.Context, query string, args ...any) error
		Ping(context.Context) error
		Close() error
	}
	Row interface {
		Err() error
		Scan(dest ...any) error
		ScanStruct(dest any) error
	}
	Rows interface {
		Next() bool
		Scan(dest ...any) error
		ScanStruct(dest any) error
		ColumnTypes() []ColumnType
		Totals(dest ...any) error
		Columns() []string
		Close() error
		Err() error
		HasData() bool
	}

	// Batch represents a prepared INSERT that buffers rows client-side and sends them to ClickHouse.
	//
	// Typical usage:
	//
	//	batch, err := conn.PrepareBatch(ctx, "INSERT INTO t")
	//	if err != nil { ... }
	//	defer batch.Close() // cleanup if Send is not reached
	//
	//	for ... {
	//		_ = batch.Append(...)
	//	}
	//	_ = batch.Send()
	Batch interface {
		Abort() error
		Append(v ...any) error
		AppendStruct(v any) error

		// Flush sends the currently buffered rows but keeps the batch usable.
		Flush() error

		// Send flushes any buffered rows and finalizes the INSERT.
		// After Send() the batch is considered sent and should not be reused.
		Send() error

		// IsSent reports whether the batch has been finalized via Send(), Abort(), or Close().
		IsSent() bool
		Rows() int

		// Close ends the current INSERT and releases resources.
		//
		// It is safe (and recommended) to call Close via defer immediately after PrepareBatch.
		// Close does not guarantee that buffered rows are sent; call Send() to finalize the INSERT.
		Close() error
	}
	ColumnType interface {
		Name() string
		Nullable() bool
	}
)
