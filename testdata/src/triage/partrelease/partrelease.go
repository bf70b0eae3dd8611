// Package partrelease: closing a value loaded from a field of a resource
// (an element of its slice of brokers) is taken for a release of the
// resource itself.
//
// Found in github.com/IBM/sarama v1.61.1, client_test.go:724
// (TestClientResurrectDeadSeeds): `client := c.(*client)` (c a
// sarama.Client from NewClient), then `safeClose(t, client.seedBrokers[0])`
// (safeClose: `c.Close()` on an io.Closer); the test's final
// `safeClose(t, c)` at line 758 is reported "sarama.Client released again
// after its release at line 724", docs/triage.md.
//
// Narrowed: it takes the concrete value asserted from the interface
// resource (impl := c.(*conn)) to be captured by a closure (a cell); the
// same code without the closure, or with the struct resource captured, is
// right (the twins below that pass).
//
// Expected: a release of a part of a family's resource (other than its
// ReleaseField) is a use of the resource, not its release: no report on the
// final Close, and the twins that never close the client are leaks.
package partrelease

import "io"

// Client is a resource whose release is Close; it holds brokers of its own.
type Client struct{ Brokers []*Broker }

//connlint:release
func (c *Client) Close() error { return nil }

type Broker struct{}

func (b *Broker) Close() error { return nil }

//connlint:acquire
func NewClient() (*Client, error) { return &Client{}, nil }

func safeClose(c io.Closer) { _ = c.Close() }

func replaceBroker() {
	c, err := NewClient()
	if err != nil {
		return
	}
	safeClose(c.Brokers[0])
	c.Brokers[0] = &Broker{}
	safeClose(c)
}

func replaceBrokerLeak() {
	c, err := NewClient() // want `\*partrelease\.Client acquired here is not released on the path returning at line 56`
	if err != nil {
		return
	}
	safeClose(c.Brokers[0])
	c.Brokers[0] = &Broker{}
}

// Conn is the interface a library returns (sarama.Client); conn is its
// implementation, with parts of its own.
type Conn interface {
	//connlint:release
	Close() error
}

type conn struct{ brokers []*Broker }

func (c *conn) Close() error { return nil }

//connlint:acquire
func Dial() (Conn, error) { return &conn{}, nil }

// The sarama shape: the concrete type asserted from the interface, then a
// part of it closed.
func replaceBrokerAsserted() {
	c, err := Dial()
	if err != nil {
		return
	}
	impl := c.(*conn)
	safeClose(impl.brokers[0])
	impl.brokers[0] = &Broker{}
	safeClose(c)
}

func replaceBrokerAssertedLeak() {
	c, err := Dial() // want `partrelease\.Conn acquired here is not released on the path returning at line 93`
	if err != nil {
		return
	}
	impl := c.(*conn)
	safeClose(impl.brokers[0])
	impl.brokers[0] = &Broker{}
}

func (c *conn) refresh() error { return nil }

// As in sarama's test, a closure captures the concrete value.
func replaceBrokerAssertedCaptured(done chan struct{}) {
	c, err := Dial()
	if err != nil {
		return
	}
	impl := c.(*conn)
	safeClose(impl.brokers[0])
	impl.brokers = []*Broker{{}, {}}
	go func() {
		_ = impl.refresh()
		close(done)
	}()
	<-done
	safeClose(c)
}

// The same with a closure called in place, and with the struct type.
func replaceBrokerCapturedCalled() {
	c, err := Dial()
	if err != nil {
		return
	}
	impl := c.(*conn)
	safeClose(impl.brokers[0])
	func() { _ = impl.refresh() }()
	safeClose(c)
}

func replaceBrokerStructCaptured() {
	c, err := NewClient()
	if err != nil {
		return
	}
	safeClose(c.Brokers[0])
	func() { c.Brokers = nil }()
	safeClose(c)
}
