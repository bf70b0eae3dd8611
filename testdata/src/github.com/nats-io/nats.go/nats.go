// Stub of github.com/nats-io/nats.go@v1.55.0 for offline analysistest; signatures copied from the real package.

// Package nats is a Go client for the NATS messaging system (subset of the real API).
package nats

import (
	"context"
	"time"
)

// Status represents the state of the connection.
type Status int

// Option is a function on the options for a connection.
type Option func(*Options) error

// Options can be used to create a customized connection (subset of fields).
type Options struct {
	Url  string
	Name string
}

// Connect will attempt to connect to a NATS server with multiple options.
func (o Options) Connect() (*Conn, error) { return &Conn{}, nil }

// Msg represents a message delivered by NATS (subset of fields).
type Msg struct {
	Subject string
	Data    []byte
}

// Statistics tracks various stats received and sent on this connection (subset of fields).
type Statistics struct {
	InMsgs  uint64
	OutMsgs uint64
}

// MsgHandler is a callback function that processes messages delivered to
// asynchronous subscribers.
type MsgHandler func(msg *Msg)

// Conn represents a bare connection to a nats-server.
// It can send and receive []byte payloads.
type Conn struct {
	status Status
}

// Connect will attempt to connect to the NATS system.
// The url can contain username/password semantics. e.g. nats://derek:pass@localhost:4222
// Comma separated arrays are also supported, e.g. urlA, urlB.
// Options start with the defaults but can be overridden.
func Connect(url string, options ...Option) (*Conn, error) { return &Conn{}, nil }

// Publish publishes the data argument to the given subject.
func (nc *Conn) Publish(subj string, data []byte) error { return nil }

// Flush will perform a round trip to the server and return when it
// receives the internal reply.
func (nc *Conn) Flush() error { return nil }

// Subscribe will express interest in the given subject. The subject
// can have wildcards.
func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) {
	return &Subscription{}, nil
}

// SubscribeSync will express interest on the given subject. Messages will
// be received synchronously using Subscription.NextMsg().
func (nc *Conn) SubscribeSync(subj string) (*Subscription, error) { return &Subscription{}, nil }

// QueueSubscribeSync creates a synchronous queue subscriber on the given
// subject. All subscribers with the same queue name will form the queue
// group and only one member of the group will be selected to receive any
// given message synchronously using Subscription.NextMsg().
func (nc *Conn) QueueSubscribeSync(subj, queue string) (*Subscription, error) {
	return &Subscription{}, nil
}

// Close will close the connection to the server. This call will release
// all blocking calls, such as Flush() and NextMsg()
func (nc *Conn) Close() {}

// IsClosed tests if a Conn has been closed.
func (nc *Conn) IsClosed() bool { return nc.status == 2 }

// Drain will put a connection into a drain state. All subscriptions will
// immediately be put into a drain state. Upon completion, the publishers
// will be drained and can not publish any additional messages. Upon draining
// of the publishers, the connection will be closed.
func (nc *Conn) Drain() error { return nil }

// IsDraining tests if a Conn is in the draining state.
func (nc *Conn) IsDraining() bool { return false }

// LastError reports the last error encountered via the connection.
func (nc *Conn) LastError() error { return nil }

// Status returns the current state of the connection.
func (nc *Conn) Status() Status { return nc.status }

// Stats will return a race safe copy of the Statistics section for the connection.
func (nc *Conn) Stats() Statistics { return Statistics{} }

// Subscription represents interest in a given subject.
type Subscription struct {
	// Subject that represents this subscription. This can be different
	// than the received subject inside a Msg if this is a wildcard.
	Subject string
}

// IsValid returns a boolean indicating whether the subscription
// is still active. This will return false if the subscription has
// already been closed.
func (s *Subscription) IsValid() bool { return false }

// Drain will remove interest but continue callbacks until all messages
// have been processed.
func (s *Subscription) Drain() error { return nil }

// Unsubscribe will remove interest in the given subject.
func (s *Subscription) Unsubscribe() error { return nil }

// NextMsg will return the next message available to a synchronous subscriber
// or block until one is available. An error is returned if the subscription is invalid (ErrBadSubscription),
// the connection is closed (ErrConnectionClosed), the timeout is reached (ErrTimeout),
// or if there were no responders (ErrNoResponders) when used in the context of a request/reply.
func (s *Subscription) NextMsg(timeout time.Duration) (*Msg, error) { return &Msg{}, nil }

// NextMsgWithContext takes a context and returns the next message
// available to a synchronous subscriber, blocking until it is delivered
// or context gets canceled.
func (s *Subscription) NextMsgWithContext(ctx context.Context) (*Msg, error) { return &Msg{}, nil }

// PullOpt are the options that can be passed when pulling a batch of messages.
type PullOpt interface {
	configurePull(opts *pullOpts) error
}

type pullOpts struct{ batch int }

// Fetch pulls a batch of messages from a stream for a pull consumer.
func (s *Subscription) Fetch(batch int, opts ...PullOpt) ([]*Msg, error) { return nil, nil }

// ConsumerInfo is the info from a JetStream consumer (subset of fields).
type ConsumerInfo struct {
	Stream string
	Name   string
}

// ConsumerInfo returns the ConsumerInfo of a JetStream subscription.
func (s *Subscription) ConsumerInfo() (*ConsumerInfo, error) { return &ConsumerInfo{}, nil }

// SubOpt configures options for subscribing to JetStream consumers.
type SubOpt interface {
	configureSubscribe(opts *subOpts) error
}

type subOpts struct{ durable string }

// JetStream allows persistent messaging through JetStream (subset of its methods).
type JetStream interface {
	// Subscribe creates an async Subscription for JetStream.
	Subscribe(subj string, cb MsgHandler, opts ...SubOpt) (*Subscription, error)

	// SubscribeSync creates a Subscription that can be used to process messages synchronously.
	SubscribeSync(subj string, opts ...SubOpt) (*Subscription, error)

	// ChanSubscribe creates channel based Subscription.
	ChanSubscribe(subj string, ch chan *Msg, opts ...SubOpt) (*Subscription, error)

	// ChanQueueSubscribe creates channel based Subscription with a queue group.
	ChanQueueSubscribe(subj, queue string, ch chan *Msg, opts ...SubOpt) (*Subscription, error)

	// QueueSubscribe creates a Subscription with a queue group.
	QueueSubscribe(subj, queue string, cb MsgHandler, opts ...SubOpt) (*Subscription, error)

	// QueueSubscribeSync creates a Subscription with a queue group that can be used to process messages synchronously.
	QueueSubscribeSync(subj, queue string, opts ...SubOpt) (*Subscription, error)

	// PullSubscribe creates a Subscription that can fetch messages.
	PullSubscribe(subj, durable string, opts ...SubOpt) (*Subscription, error)
}
