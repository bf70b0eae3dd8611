// Stub of github.com/jackc/pgx/v5@v5.12.0 for offline analysistest; signatures copied from the real package.

// Package pgx is an offline stub of the PostgreSQL driver and toolkit (subset of the real API).
package pgx

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

var (
	// ErrNoRows occurs when rows are expected but none are returned.
	ErrNoRows = newProxyErr(sql.ErrNoRows, "no rows in result set")
	// ErrTooManyRows occurs when more rows than expected are returned.
	ErrTooManyRows = errors.New("too many rows in result set")
)

func newProxyErr(background error, msg string) error {
	return &proxyError{
		msg:        msg,
		background: background,
	}
}

type proxyError struct {
	msg        string
	background error
}

func (err *proxyError) Error() string { return err.msg }

func (err *proxyError) Unwrap() error { return err.background }

// ConnConfig contains all the options used to establish a connection (subset of fields).
type ConnConfig struct {
	pgconn.Config

	connString string

	StatementCacheCapacity   int
	DescriptionCacheCapacity int
}

// ConnString returns the connection string as parsed by pgx.ParseConfig into pgx.ConnConfig.
func (cc *ConnConfig) ConnString() string { return cc.connString }

// Conn is a PostgreSQL connection handle. It is not safe for concurrent usage.
type Conn struct {
	pgConn  *pgconn.PgConn
	config  *ConnConfig
	typeMap *pgtype.Map
}

// Identifier a PostgreSQL identifier or name. Identifiers can be composed of multiple parts such as
// ["schema", "table"] or ["table", "column"].
type Identifier []string

// Connect establishes a connection with a PostgreSQL server with a connection string.
func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

// ConnectConfig establishes a connection with a PostgreSQL server with a configuration struct.
func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { return nil, nil }

// ParseConfig creates a ConnConfig from a connection string.
func ParseConfig(connString string) (*ConnConfig, error) {
	return &ConnConfig{connString: connString}, nil
}

// Close closes a connection. It is safe to call Close on an already closed connection.
func (c *Conn) Close(ctx context.Context) error { return nil }

// Prepare creates a prepared statement with name and sql.
func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	return nil, nil
}

// IsClosed reports if the connection has been closed.
func (c *Conn) IsClosed() bool { return false }

// Ping delegates to the underlying *pgconn.PgConn.Ping.
func (c *Conn) Ping(ctx context.Context) error { return nil }

// PgConn returns the underlying *pgconn.PgConn. This is an escape hatch method.
func (c *Conn) PgConn() *pgconn.PgConn { return c.pgConn }

// TypeMap returns the connection info used for this connection.
func (c *Conn) TypeMap() *pgtype.Map { return c.typeMap }

// Config returns a copy of config that was used to establish this connection.
func (c *Conn) Config() *ConnConfig { return c.config }

// Exec executes sql. sql can be either a prepared statement name or an SQL string.
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}

// Query sends a query to the server and returns a Rows to read the results. Only errors encountered sending the query
// and initializing Rows will be returned. Err() on the returned Rows must be checked after the Rows is closed.
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }

// QueryRow is a convenience wrapper over Query. Any error that occurs while
// querying is deferred until calling Scan on the returned Row.
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { return nil }

// SendBatch sends all queued queries to the server at once. All queries are run in an implicit transaction unless
// explicit transaction control statements are executed. The returned BatchResults must be closed before the connection
// is used again.
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }

// CopyFrom uses the PostgreSQL copy protocol to perform bulk data insertion.
func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	return 0, nil
}
