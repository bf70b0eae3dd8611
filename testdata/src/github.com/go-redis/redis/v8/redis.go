// Stub of github.com/go-redis/redis/v8@v8.11.5 for offline analysistest; signatures and the embedding
// (Client{*baseClient; cmdable}, Conn{*conn}, conn{baseClient; cmdable; statefulCmdable}) copied from the real package.

package redis

import (
	"context"
	"errors"
)

// Nil reply returned by Redis when key does not exist.
var Nil = errors.New("redis: nil") // the real Nil is proto.Nil, a proto.RedisError

// Options keeps the settings to setup redis connection.
type Options struct {
	Addr     string
	Password string
	DB       int
}

type baseClient struct {
	opt *Options
}

// Close closes the client, releasing any open resources.
//
// It is rare to Close a Client, as the Client is meant to be
// long-lived and shared between many goroutines.
func (c *baseClient) Close() error { return nil }

// Client is a Redis client representing a pool of zero or more
// underlying connections. It's safe for concurrent use by multiple
// goroutines.
type Client struct {
	*baseClient
	cmdable
	ctx context.Context
}

// NewClient returns a client to the Redis Server specified by Options.
func NewClient(opt *Options) *Client {
	c := Client{baseClient: &baseClient{opt: opt}, ctx: context.Background()}
	return &c
}

// Conn returns a single-connection client backed by a sticky connection from the pool.
func (c *Client) Conn(ctx context.Context) *Conn {
	return &Conn{conn: &conn{baseClient: baseClient{opt: c.opt}}, ctx: ctx}
}

type conn struct {
	baseClient
	cmdable
	statefulCmdable
}

// Conn represents a single Redis connection rather than a pool of connections.
// Prefer running commands from Client unless there is a specific need
// for a continuous single Redis connection.
type Conn struct {
	*conn
	ctx context.Context
}

// Cmder is the interface of all commands.
type Cmder interface {
	Name() string
	Err() error
}

type cmdable func(ctx context.Context, cmd Cmder) error

type statefulCmdable func(ctx context.Context, cmd Cmder) error

type baseCmd struct {
	err error
}

func (cmd *baseCmd) Err() error { return cmd.err }

func (cmd *baseCmd) Name() string { return "" }

type StatusCmd struct {
	baseCmd
	val string
}

func (cmd *StatusCmd) Val() string { return cmd.val }

func (cmd *StatusCmd) Result() (string, error) { return cmd.val, cmd.err }

type StringCmd struct {
	baseCmd
	val string
}

func (cmd *StringCmd) Val() string { return cmd.val }

func (cmd *StringCmd) Result() (string, error) { return cmd.val, cmd.err }

func (c cmdable) Ping(ctx context.Context) *StatusCmd { return &StatusCmd{} }

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c statefulCmdable) Select(ctx context.Context, index int) *StatusCmd { return &StatusCmd{} }
