// Stub of vitess.io/vitess@v0.24.4 for offline analysistest; signatures copied from the real package.

package smartconnpool

import (
	"context"
	"errors"
	"time"
)

var (
	// ErrTimeout is returned if a connection get times out.
	ErrTimeout = errors.New("connection pool timed out")
	// ErrCtxTimeout is returned if a ctx is already expired by the time the connection pool is used
	ErrCtxTimeout = errors.New("connection pool context already expired")
	// ErrConnPoolClosed is returned when trying to get a connection from a closed conn pool
	ErrConnPoolClosed = errors.New("connection pool is closed")
)

type (
	Connector[C Connection] func(ctx context.Context) (C, error)
	RefreshCheck            func() (bool, error)
)

type Config[C Connection] struct {
	Capacity        int64
	MaxIdleCount    int64
	IdleTimeout     time.Duration
	MaxLifetime     time.Duration
	RefreshInterval time.Duration
	MaxWaiters      uint
	LogWait         func(time.Time)
}

// Metrics holds the pool's counters (opaque here).
type Metrics struct{}

// stackMask is the number of connection setting stacks minus one;
// the number of stacks must always be a power of two
const stackMask = 7

// ConnPool is a connection pool for generic connections
type ConnPool[C Connection] struct {
	// clean is a connections stack for connections with no Setting applied
	clean connStack[C]
	// settings are N connection stacks for connections with a Setting applied
	settings [stackMask + 1]connStack[C]

	config struct {
		connect     Connector[C]
		refresh     RefreshCheck
		maxCapacity int64
	}

	Metrics Metrics
	Name    string
}

// NewPool creates a new connection pool with the given Config.
// The pool must be ConnPool.Open before it can start giving out connections
func NewPool[C Connection](config *Config[C]) *ConnPool[C] {
	pool := &ConnPool[C]{}
	pool.config.maxCapacity = config.Capacity
	return pool
}

// Open starts the background workers that manage the pool and gets it ready
// to start serving out connections.
func (pool *ConnPool[C]) Open(connect Connector[C], refresh RefreshCheck) *ConnPool[C] {
	pool.config.connect = connect
	pool.config.refresh = refresh
	return pool
}

// Close shuts down the pool. No connections will be returned from ConnPool.Get after calling this.
// Note: the real package has no exported Put; connections go back via Pooled.Recycle (which calls the private put).
func (pool *ConnPool[C]) Close() {}

// CloseWithContext behaves like Close but allows passing in a Context to time out the
// pool closing operation
func (pool *ConnPool[C]) CloseWithContext(ctx context.Context) error { return nil }

// IsOpen returns whether the pool is open
func (pool *ConnPool[C]) IsOpen() bool { return pool.config.connect != nil }

// Get returns a connection from the pool with the given Setting applied.
// If there are no connections in the pool to be returned, Get blocks until one
// is returned, or until the given ctx is cancelled.
// The connection must be returned to the pool once it's not needed by calling Pooled.Recycle
func (pool *ConnPool[C]) Get(ctx context.Context, setting *Setting) (*Pooled[C], error) {
	if ctx.Err() != nil {
		return nil, ErrCtxTimeout
	}
	if setting == nil {
		if conn, ok := pool.clean.Pop(); ok {
			return conn, nil
		}
		return nil, ErrTimeout
	}
	if conn, ok := pool.settings[setting.bucket&stackMask].Pop(); ok {
		return conn, nil
	}
	return nil, ErrTimeout
}

// put returns a connection to the pool. This is a private API.
// Return connections to the pool by calling Pooled.Recycle
func (pool *ConnPool[C]) put(conn *Pooled[C]) {
	if conn == nil {
		return
	}
	if setting := conn.Conn.Setting(); setting != nil {
		pool.settings[setting.bucket&stackMask].Push(conn)
		return
	}
	pool.clean.Push(conn)
}
