// Stub of github.com/jackc/pgx/v4@v4.18.3 (pgxpool) for offline analysistest; signatures copied from the real package.

package pgxpool

import (
	"context"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

// Pool allows for connection reuse.
type Pool struct {
	config *Config
}

// Config is the configuration struct for creating a pool.
type Config struct {
	MaxConns int32
}

// Connect creates a new Pool and immediately establishes one connection.
func Connect(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

// ConnectConfig creates a new Pool and immediately establishes one connection.
func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) {
	return &Pool{config: config}, nil
}

// Close closes all connections in the pool and rejects future Acquire calls. Blocks until all connections are returned
// to pool and closed.
func (p *Pool) Close() {}

// Acquire returns a connection (*Conn) from the Pool
func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { return &Conn{}, nil }

// AcquireFunc acquires a *Conn and calls f with that *Conn. ctx will only affect the Acquire. It has no effect on the
// call of f. The return value is either an error acquiring the *Conn or the return value of f. The *Conn is
// automatically released after the call of f.
func (p *Pool) AcquireFunc(ctx context.Context, f func(*Conn) error) error { return nil }

// Exec acquires a connection from the Pool and executes the given SQL.
func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}

// Query acquires a connection and executes a query that returns pgx.Rows.
// The acquired connection is returned to the pool when the Close method of pgx.Rows is called.
func (p *Pool) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	return nil, nil
}

// QueryRow acquires a connection and executes a query that is expected
// to return at most one row (pgx.Row).
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { return nil }

func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { return nil }

// Begin acquires a connection from the Pool and starts a transaction. Unlike database/sql, the context only affects
// the begin command. i.e. there is no auto-rollback on context cancellation. Begin initiates a transaction block
// without explicitly setting a transaction mode for the block (see BeginTx with TxOptions if transaction mode is
// required). *pgxpool.Tx is returned, which implements the pgx.Tx interface.
// Commit or Rollback must be called on the returned transaction to finalize the transaction block.
func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) { return nil, nil }

// BeginTx acquires a connection from the Pool and starts a transaction with pgx.TxOptions determining the transaction
// mode.
func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { return nil, nil }

func (p *Pool) Ping(ctx context.Context) error { return nil }
