// Stub of github.com/coder/websocket@v1.8.15 for offline analysistest; signatures copied from the real package.

// Package websocket implements the RFC 6455 WebSocket protocol (subset of the real API).
package websocket

import (
	"context"
	"net/http"
)

// StatusCode represents a WebSocket status code.
// https://tools.ietf.org/html/rfc6455#section-7.4
type StatusCode int

// https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
//
// These are only the status codes defined by the protocol.
const (
	StatusNormalClosure StatusCode = 1000
	StatusGoingAway     StatusCode = 1001
	StatusInternalError StatusCode = 1011
)

// MessageType represents the type of a WebSocket message.
type MessageType int

// MessageType constants.
const (
	MessageText MessageType = iota + 1
	MessageBinary
)

// DialOptions represents Dial's options (subset of fields).
type DialOptions struct {
	HTTPClient *http.Client
	HTTPHeader http.Header
}

// AcceptOptions represents Accept's options (subset of fields).
type AcceptOptions struct {
	Subprotocols   []string
	OriginPatterns []string
}

// Dial performs a WebSocket handshake on url.
//
// The response is the WebSocket handshake response from the server.
// You never need to close resp.Body yourself.
func Dial(ctx context.Context, u string, opts *DialOptions) (*Conn, *http.Response, error) {
	return &Conn{}, nil, nil
}

// Accept accepts a WebSocket handshake from a client and upgrades the
// the connection to a WebSocket.
func Accept(w http.ResponseWriter, r *http.Request, opts *AcceptOptions) (*Conn, error) {
	return &Conn{}, nil
}

// Conn represents a WebSocket connection.
// All methods may be called concurrently except for Reader and Read.
type Conn struct {
	subprotocol string
}

// Subprotocol returns the negotiated subprotocol.
// An empty string means the default protocol.
func (c *Conn) Subprotocol() string { return c.subprotocol }

// Close performs the WebSocket close handshake with the given status code and reason.
//
// It will write a WebSocket close frame with a timeout of 5s and then wait 5s for
// the peer to send a close frame.
// All data messages received from the peer during the close handshake will be discarded.
//
// The connection can only be closed once. Additional calls to Close
// are no-ops.
func (c *Conn) Close(code StatusCode, reason string) error { return nil }

// CloseNow closes the WebSocket connection without attempting a close handshake.
// Use when you do not want the overhead of the close handshake.
func (c *Conn) CloseNow() error { return nil }

// Read is a convenience method around Reader to read a single message
// from the connection.
func (c *Conn) Read(ctx context.Context) (MessageType, []byte, error) { return 0, nil, nil }

// Write writes a message to the connection.
func (c *Conn) Write(ctx context.Context, typ MessageType, p []byte) error { return nil }
