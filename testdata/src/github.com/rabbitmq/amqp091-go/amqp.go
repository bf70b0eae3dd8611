// Stub of github.com/rabbitmq/amqp091-go@v1.16.0 for offline analysistest; signatures copied from the real package.

// Package amqp091 is an AMQP 0.9.1 client with RabbitMQ extensions (subset of the real API).
package amqp091

import (
	"context"
	"crypto/tls"
	"io"
	"time"
)

// Config is used in DialConfig and Open to specify the desired tuning
// parameters used during a connection open handshake (subset of fields).
type Config struct {
	Vhost      string
	ChannelMax uint16
	Heartbeat  time.Duration
}

// Table stores user supplied fields of the following types.
type Table map[string]interface{}

// Publishing captures the client message sent to the server (subset of fields).
type Publishing struct {
	ContentType string
	Body        []byte
}

// Delivery captures the fields for a previously delivered message resident in
// a queue to be delivered by the server to a consumer (subset of fields).
type Delivery struct {
	Body []byte
}

// Queue captures the current server state of the queue on the server returned
// from Channel.QueueDeclare or Channel.QueueInspect.
type Queue struct {
	Name      string
	Messages  int
	Consumers int
}

// Connection manages the serialization and deserialization of frames from IO
// and dispatches the frames to the appropriate channel.
type Connection struct {
	closed int32
}

// Dial accepts a string in the AMQP URI format and returns a new Connection
// over TCP using PlainAuth.
func Dial(url string) (*Connection, error) { return &Connection{}, nil }

// DialTLS accepts a string in the AMQP URI format and returns a new Connection
// over TCP using PlainAuth.
func DialTLS(url string, amqps *tls.Config) (*Connection, error) { return &Connection{}, nil }

// DialTLS_ExternalAuth accepts a string in the AMQP URI format and returns a
// new Connection over TCP using EXTERNAL auth.
func DialTLS_ExternalAuth(url string, amqps *tls.Config) (*Connection, error) {
	return &Connection{}, nil
}

// DialConfig accepts a string in the AMQP URI format and a configuration for
// the transport and connection setup, returning a new Connection.
func DialConfig(url string, config Config) (*Connection, error) { return &Connection{}, nil }

// Open accepts an already established connection, or other io.ReadWriteCloser as
// a transport.
func Open(conn io.ReadWriteCloser, config Config) (*Connection, error) { return &Connection{}, nil }

// Close requests and waits for the response to close the AMQP connection.
//
// It's advisable to use this message when publishing to ensure all kernel
// buffers have been flushed on the server and client before exiting.
//
// An error indicates that server may not have received this request to close but
// the connection should be treated as closed regardless.
//
// After returning from this call, all resources associated with this connection,
// including the underlying io, Channels, Notify listeners and Channel consumers
// will also be closed.
func (c *Connection) Close() error { return nil }

// CloseDeadline requests and waits for the response to close this AMQP connection.
func (c *Connection) CloseDeadline(deadline time.Time) error { return nil }

// IsClosed returns true if the connection is marked as closed, otherwise false
// is returned.
func (c *Connection) IsClosed() bool { return c.closed == 1 }

// Error captures the code and reason a channel or connection has been closed
// by the server (subset of fields).
type Error struct {
	Code   int
	Reason string
}

// NotifyClose registers a listener for close events either initiated by an
// error accompanying a connection.close method or by a normal shutdown.
//
// The chan provided will be closed when the Connection is closed and on a
// graceful close, no error will be sent.
//
// To eventually consume all close notifications, the channel must be
// buffered or consumed concurrently.
func (c *Connection) NotifyClose(receiver chan *Error) chan *Error {
	close(receiver)
	return receiver
}

// Channel opens a unique, concurrent server channel to process the bulk of AMQP
// messages. Any error from methods on this receiver will render the receiver
// invalid and a new Channel should be opened.
func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }

// Channel represents an AMQP channel. Used as a context for valid message
// exchange.
type Channel struct {
	closed int32
}

// Close initiate a clean channel closure by sending a close message with the error
// code set to '200'.
//
// It is safe to call this method multiple times.
func (ch *Channel) Close() error { return nil }

// IsClosed returns true if the channel is marked as closed, otherwise false
// is returned.
func (ch *Channel) IsClosed() bool { return ch.closed == 1 }

// NotifyClose registers a listener for when the server sends a channel or
// connection exception in the form of a Connection.Close or Channel.Close method.
// Connection exceptions will be broadcast to all open channels and all channels
// will be closed, where channel exceptions will only be broadcast to listeners to
// this channel.
//
// The chan provided will be closed when the Channel is closed and on a
// graceful close, no error will be sent.
func (ch *Channel) NotifyClose(c chan *Error) chan *Error {
	close(c)
	return c
}

// QueueDeclare declares a queue to hold messages and deliver to consumers.
func (ch *Channel) QueueDeclare(name string, durable, autoDelete, exclusive, noWait bool, args Table) (Queue, error) {
	return Queue{Name: name}, nil
}

// Consume immediately starts delivering queued messages.
func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args Table) (<-chan Delivery, error) {
	return nil, nil
}

// PublishWithContext sends a Publishing from the client to an exchange on the server.
func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
