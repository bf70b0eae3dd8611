// Stub of github.com/jackc/pgx/v5@v5.12.0 for offline analysistest; signatures copied from the real package.

package pgx

import (
	"github.com/jackc/pgx/v5/pgconn"
)

// QueuedQuery is a query that has been queued for execution via a Batch.
type QueuedQuery struct {
	SQL       string
	Arguments []any
}

// Batch queries are a way of bundling multiple queries together to avoid
// unnecessary network round trips. A Batch must only be sent once.
type Batch struct {
	QueuedQueries []*QueuedQuery

	txOptions *TxOptions
}

// BeginTx makes the batch run inside a transaction started with txOptions; the transaction is returned by
// [BatchResults.Tx].
func (b *Batch) BeginTx(txOptions TxOptions) { b.txOptions = &txOptions }

// Queue queues a query to batch b. query can be an SQL query or the name of a prepared statement.
func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery {
	qq := &QueuedQuery{SQL: query, Arguments: arguments}
	b.QueuedQueries = append(b.QueuedQueries, qq)
	return qq
}

// Len returns number of queries that have been queued so far.
func (b *Batch) Len() int { return len(b.QueuedQueries) }

// BatchResults is the result of sending a Batch. Close must be called before the underlying connection can be used
// again.
type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	Close() error
	Tx() Tx
}

// CopyFromSource is the interface used by *Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

// LargeObjects is a structure used to access the large objects API. It is only valid within the transaction where it
// was created.
type LargeObjects struct {
	tx Tx
}
