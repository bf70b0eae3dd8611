// Stub of github.com/redis/go-redis/v9@v9.23.0 for offline analysistest; signatures copied from the real package.

// Package redis is an offline stub of the go-redis client (subset of the real API). The embedding is the real one:
// Client embeds *baseClient and cmdable; Conn embeds baseClient, cmdable and statefulCmdable. So (*Conn).Close is the
// promoted method (*baseClient).Close, and Get/Set/Ping are methods of the unexported func type cmdable.
package redis

import (
	"context"
	"net"
	"time"

	"github.com/redis/go-redis/v9/internal/proto"
)

// Nil reply returned by Redis when key does not exist.
const Nil = proto.Nil

// Options keeps the settings to set up redis connection (subset of fields).
type Options struct {
	Network  string
	Addr     string
	Dialer   func(ctx context.Context, network, addr string) (net.Conn, error)
	Username string
	Password string
	DB       int

	DialTimeout  time.Duration
	ReadTimeout  time.Duration
	WriteTimeout time.Duration

	PoolSize        int
	PoolTimeout     time.Duration
	MinIdleConns    int
	MaxIdleConns    int
	MaxActiveConns  int
	ConnMaxIdleTime time.Duration
	ConnMaxLifetime time.Duration
}

type baseClient struct {
	opt    *Options
	closed bool
}

// Close closes the client, releasing any open resources.
//
// It is rare to Close a Client, as the Client is meant to be
// long-lived and shared between many goroutines.
func (c *baseClient) Close() error {
	c.closed = true
	return nil
}

func (c *baseClient) process(ctx context.Context, cmd Cmder) error { return nil }

// Client is a Redis client representing a pool of zero or more underlying connections.
// It's safe for concurrent use by multiple goroutines.
type Client struct {
	*baseClient
	cmdable
}

// NewClient returns a client to the Redis Server specified by Options.
// Passing nil Options will cause a panic.
func NewClient(opt *Options) *Client {
	if opt == nil {
		panic("redis: NewClient nil options")
	}
	c := Client{baseClient: &baseClient{opt: opt}}
	c.cmdable = c.Process
	return &c
}

// Close closes the client, releasing any open resources.
func (c *Client) Close() error {
	return c.baseClient.Close()
}

// Conn returns a Conn that runs every command on a single connection borrowed
// from this client's pool. Close returns that connection to the pool.
func (c *Client) Conn() *Conn {
	return newConn(c.opt)
}

// EphemeralConn is Conn, except Close discards the underlying connection
// instead of returning it to the pool.
func (c *Client) EphemeralConn() *Conn {
	return newConn(c.opt)
}

func (c *Client) Process(ctx context.Context, cmd Cmder) error {
	err := c.process(ctx, cmd)
	cmd.SetErr(err)
	return err
}

// Options returns read-only *Options that were used to create the client.
func (c *Client) Options() *Options { return c.opt }

func (c *Client) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

func (c *Client) Pipeline() Pipeliner { return nil }

func (c *Client) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

// TxPipeline acts like Pipeline, but wraps queued commands with MULTI/EXEC.
func (c *Client) TxPipeline() Pipeliner { return nil }

// Conn represents a single Redis connection rather than a pool of connections.
// Prefer running commands from Client unless there is a specific need
// for a continuous single Redis connection.
type Conn struct {
	baseClient
	cmdable
	statefulCmdable
}

func newConn(opt *Options) *Conn {
	c := Conn{baseClient: baseClient{opt: opt}}
	c.cmdable = c.Process
	c.statefulCmdable = c.Process
	return &c
}

func (c *Conn) Process(ctx context.Context, cmd Cmder) error {
	err := c.process(ctx, cmd)
	cmd.SetErr(err)
	return err
}

func (c *Conn) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

func (c *Conn) Pipeline() Pipeliner { return nil }

func (c *Conn) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

// TxPipeline acts like Pipeline, but wraps queued commands with MULTI/EXEC.
func (c *Conn) TxPipeline() Pipeliner { return nil }
