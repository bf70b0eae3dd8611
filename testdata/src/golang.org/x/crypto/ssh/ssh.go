// Stub of golang.org/x/crypto@v0.59.0 (ssh) for offline analysistest; signatures copied from the real package.

// Package ssh implements an SSH client and server (subset of the real API).
package ssh

import (
	"io"
	"net"
)

// AuthMethod represents an instance of an RFC 4252 authentication method.
type AuthMethod interface {
	method() string
}

type passwordCallback func() (string, error)

func (cb passwordCallback) method() string { return "password" }

// Password returns an AuthMethod using the given password.
func Password(secret string) AuthMethod {
	return passwordCallback(func() (string, error) { return secret, nil })
}

// PublicKey represents a public key using an unspecified algorithm.
type PublicKey interface {
	Type() string
	Marshal() []byte
}

// HostKeyCallback is the function type used for verifying server
// keys.
type HostKeyCallback func(hostname string, remote net.Addr, key PublicKey) error

// InsecureIgnoreHostKey returns a function that can be used for
// ClientConfig.HostKeyCallback to accept any host key. It should
// not be used for production code.
func InsecureIgnoreHostKey() HostKeyCallback {
	return func(hostname string, remote net.Addr, key PublicKey) error { return nil }
}

// A ClientConfig structure is used to configure a Client (subset of fields).
type ClientConfig struct {
	User            string
	Auth            []AuthMethod
	HostKeyCallback HostKeyCallback
}

// Conn represents an SSH connection for both server and client roles (subset of methods).
type Conn interface {
	// Close closes the underlying network connection
	Close() error
	// Wait blocks until the connection has shut down, and returns the
	// error causing the shutdown.
	Wait() error
}

// NewChannel represents an incoming request to a channel.
type NewChannel interface {
	ChannelType() string
}

// Request is a request sent outside of the normal stream of
// data (subset of fields).
type Request struct {
	Type      string
	WantReply bool
	Payload   []byte
}

// Client implements a traditional SSH client that supports shells,
// subprocesses, TCP port/streamlocal forwarding and tunneled dialing.
type Client struct {
	Conn
}

// NewClient creates a Client on top of the given connection.
func NewClient(c Conn, chans <-chan NewChannel, reqs <-chan *Request) *Client {
	return &Client{Conn: c}
}

// Dial starts a client connection to the given SSH server. It is a
// convenience function that connects to the given network address,
// initiates the SSH handshake, and then sets up a Client.  For access
// to incoming channels and requests, use net.Dial with NewClientConn
// instead.
func Dial(network, addr string, config *ClientConfig) (*Client, error) { return &Client{}, nil }

// NewSession opens a new Session for this client. (A session is a remote
// execution of a program.)
func (c *Client) NewSession() (*Session, error) { return &Session{}, nil }

// Dial initiates a connection to the addr from the remote host.
//
// The returned connection is a net.Conn that allows for half-closing
// via CloseWrite on TCP and Unix connections.
func (c *Client) Dial(n, addr string) (net.Conn, error) { return nil, nil }

// Listen requests the remote peer open a listening socket on
// addr. Incoming connections will be available by calling Accept on
// the returned net.Listener. The listener must be serviced, or the
// SSH connection may hang.
// N must be "tcp", "tcp4", "tcp6", or "unix".
func (c *Client) Listen(n, addr string) (net.Listener, error) { return nil, nil }

// A Session represents a connection to a remote command or shell.
type Session struct {
	// Stdin specifies the remote process's standard input.
	Stdin io.Reader

	// Stdout and Stderr specify the remote process's standard
	// output and error.
	Stdout io.Writer
	Stderr io.Writer
}

// Close closes the underlying channel (the real method is promoted from the embedded Channel).
func (s *Session) Close() error { return nil }

// Setenv sets an environment variable that will be applied to any
// command executed by Shell or Run.
func (s *Session) Setenv(name, value string) error { return nil }

// Run runs cmd on the remote host. Typically, the remote
// server passes cmd to the shell for interpretation.
// A Session only accepts one call to Run, Start, Shell, Output,
// or CombinedOutput.
func (s *Session) Run(cmd string) error { return nil }

// Output runs cmd on the remote host and returns its standard output.
func (s *Session) Output(cmd string) ([]byte, error) { return nil, nil }

// CombinedOutput runs cmd on the remote host and returns its combined
// standard output and standard error.
func (s *Session) CombinedOutput(cmd string) ([]byte, error) { return nil, nil }
