// Stub of github.com/gorilla/websocket@v1.5.3 for offline analysistest; signatures copied from the real package.

// Package websocket implements the WebSocket protocol defined in RFC 6455 (subset of the real API).
package websocket

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The message types are defined in RFC 6455, section 11.8.
const (
	TextMessage   = 1
	BinaryMessage = 2
)

// A Dialer contains options for connecting to WebSocket server (subset of fields).
type Dialer struct {
	HandshakeTimeout time.Duration
	ReadBufferSize   int
	WriteBufferSize  int
}

// DefaultDialer is a dialer with all fields set to the default values.
var DefaultDialer = &Dialer{HandshakeTimeout: 45 * time.Second}

// Dial creates a new client connection by calling DialContext with a background context.
func (d *Dialer) Dial(urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	return d.DialContext(context.Background(), urlStr, requestHeader)
}

// DialContext creates a new client connection. Use requestHeader to specify the
// origin (Origin), subprotocols (Sec-WebSocket-Protocol) and cookies (Cookie).
// Use the response.Header to get the selected subprotocol
// (Sec-WebSocket-Protocol) and cookies (Set-Cookie).
//
// The context will be used in the request and in the Dialer.
//
// If the WebSocket handshake fails, ErrBadHandshake is returned along with a
// non-nil *http.Response so that callers can handle redirects, authentication,
// etcetera. The response body may not contain the entire response and does not
// need to be closed by the application.
func (d *Dialer) DialContext(ctx context.Context, urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	// Real-shaped: the handshake response's body is replaced by one the
	// caller need not close.
	resp := &http.Response{Body: io.NopCloser(strings.NewReader(""))}
	return &Conn{}, resp, nil
}

// NewClient creates a new client connection using the given net connection.
//
// Deprecated: Use Dialer instead.
func NewClient(netConn net.Conn, u *url.URL, requestHeader http.Header, readBufSize, writeBufSize int) (c *Conn, response *http.Response, err error) {
	return &Conn{conn: netConn}, nil, nil
}

// Upgrader specifies parameters for upgrading an HTTP connection to a
// WebSocket connection (subset of fields).
type Upgrader struct {
	HandshakeTimeout time.Duration
	ReadBufferSize   int
	WriteBufferSize  int
	CheckOrigin      func(r *http.Request) bool
}

// Upgrade upgrades the HTTP server connection to the WebSocket protocol.
//
// If the upgrade fails, then Upgrade replies to the client with an HTTP error
// response.
func (u *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header) (*Conn, error) {
	return &Conn{}, nil
}

// Upgrade upgrades the HTTP server connection to the WebSocket protocol.
//
// Deprecated: Use websocket.Upgrader instead.
func Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header, readBufSize, writeBufSize int) (*Conn, error) {
	return &Conn{}, nil
}

// The Conn type represents a WebSocket connection.
type Conn struct {
	conn        net.Conn
	subprotocol string
}

// Subprotocol returns the negotiated protocol for the connection.
func (c *Conn) Subprotocol() string { return c.subprotocol }

// Close closes the underlying network connection without sending or waiting
// for a close message.
func (c *Conn) Close() error { return nil }

// LocalAddr returns the local network address.
func (c *Conn) LocalAddr() net.Addr { return nil }

// RemoteAddr returns the remote network address.
func (c *Conn) RemoteAddr() net.Addr { return nil }

// WriteMessage is a helper method for getting a writer using NextWriter,
// writing the message and closing the writer.
func (c *Conn) WriteMessage(messageType int, data []byte) error { return nil }

// ReadMessage is a helper method for getting a reader using NextReader and
// reading from that reader to a buffer.
func (c *Conn) ReadMessage() (messageType int, p []byte, err error) { return 0, nil, nil }
