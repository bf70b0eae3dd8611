// Stub of github.com/jackc/pgx/v4@v4.18.3 for offline analysistest; signatures copied from the real package.

package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgconn"
)

// ErrNoRows occurs when rows are expected but none are returned.
var ErrNoRows = errors.New("no rows in result set")

// ErrTxClosed occurs when Commit or Rollback is called on a tx that has already been committed or rolled back.
var ErrTxClosed = errors.New("tx is closed")

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct{}

// Conn is a PostgreSQL connection handle. It is not safe for concurrent usage.
type Conn struct {
	config *ConnConfig
}

// Identifier a PostgreSQL identifier or name. Identifiers can be composed of
// multiple parts such as ["schema", "table"] or ["table"].
type Identifier []string

// CopyFromSource is the interface used by *Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]interface{}, error)
	Err() error
}

// LargeObjects is a structure used to access the large objects API.
type LargeObjects struct{}

// QueryFuncRow is the argument to the QueryFunc callback function.
type QueryFuncRow interface {
	FieldDescriptions() []interface{}
	RawValues() [][]byte
}

// Connect establishes a connection with a PostgreSQL server with a connection string.
func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

// ConnectConfig establishes a connection with a PostgreSQL server with a configuration struct.
func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) {
	return &Conn{config: connConfig}, nil
}

// Close closes a connection. It is safe to call Close on a already closed
// connection.
func (c *Conn) Close(ctx context.Context) error { return nil }

// Exec executes sql.
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}

// Query sends a query to the server and returns a Rows to read the results.
func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}

// QueryRow is a convenience wrapper over Query.
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }

// SendBatch sends all queued queries to the server at once.
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }

// Ping executes an empty sql statement against the *Conn.
func (c *Conn) Ping(ctx context.Context) error { return nil }
