// Stub of github.com/segmentio/kafka-go@v0.4.51 for offline analysistest; signatures copied from the real package.

// Package kafka is a Kafka client (subset of the real API).
package kafka

import (
	"context"
	"time"
)

// Partition carries the metadata associated with a kafka partition (subset of fields).
type Partition struct {
	Topic string
	ID    int
}

// Message is a data structure representing kafka messages (subset of fields).
type Message struct {
	Topic  string
	Offset int64
	Key    []byte
	Value  []byte
}

// ReaderConfig is a configuration object used to create new instances of
// Reader (subset of fields).
type ReaderConfig struct {
	Brokers []string
	GroupID string
	Topic   string
}

// ReaderStats is a data structure returned by a call to Reader.Stats (subset of fields).
type ReaderStats struct {
	Messages int64
}

// WriterConfig is a configuration type used to create new instances of Writer (subset of fields).
type WriterConfig struct {
	Brokers []string
	Topic   string
}

// WriterStats is a data structure returned by a call to Writer.Stats (subset of fields).
type WriterStats struct {
	Writes int64
}

// ReadBatchConfig is a configuration object used for reading batches of messages (subset of fields).
type ReadBatchConfig struct {
	MinBytes int
	MaxBytes int
}

// Dialer is like the net.Dialer API but for opening connections to kafka
// servers (subset of fields).
type Dialer struct {
	ClientID string
	Timeout  time.Duration
}

// DefaultDialer is the default dialer used when none is specified.
var DefaultDialer = &Dialer{Timeout: 10 * time.Second}

// Dial connects to the address on the named network.
func (d *Dialer) Dial(network string, address string) (*Conn, error) { return &Conn{}, nil }

// DialContext connects to the address on the named network using the provided
// context.
func (d *Dialer) DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return &Conn{}, nil
}

// DialLeader opens a connection to the leader of the partition for a given
// topic.
func (d *Dialer) DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return &Conn{}, nil
}

// DialPartition opens a connection to the leader of the partition specified by partition
// descriptor.
func (d *Dialer) DialPartition(ctx context.Context, network string, address string, partition Partition) (*Conn, error) {
	return &Conn{}, nil
}

// Dial is a convenience wrapper for DefaultDialer.Dial.
func Dial(network string, address string) (*Conn, error) { return &Conn{}, nil }

// DialContext is a convenience wrapper for DefaultDialer.DialContext.
func DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return &Conn{}, nil
}

// DialLeader is a convenience wrapper for DefaultDialer.DialLeader.
func DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return &Conn{}, nil
}

// DialPartition is a convenience wrapper for DefaultDialer.DialPartition.
func DialPartition(ctx context.Context, network string, address string, partition Partition) (*Conn, error) {
	return &Conn{}, nil
}

// Conn represents a connection to a kafka broker.
//
// Instances of Conn are safe to use concurrently from multiple goroutines.
type Conn struct {
	partition int32
}

// Close closes the kafka connection.
func (c *Conn) Close() error { return nil }

// SetReadDeadline sets the deadline for future Read calls and any
// currently-blocked Read call.
func (c *Conn) SetReadDeadline(t time.Time) error { return nil }

// ReadBatch reads a batch of messages from the kafka server. The method always
// returns a non-nil Batch value. If an error occurred, either sending the fetch
// request or reading the response, the error will be made available by the
// returned value of  the batch's Close method.
//
// While it is safe to call ReadBatch concurrently from multiple goroutines it
// may be hard for the program to predict the results as the connection offset
// will be read and written by multiple goroutines, they could read duplicates,
// or messages may be seen by only some of the goroutines.
//
// The method fails if the connection is not attached to a partition.
func (c *Conn) ReadBatch(minBytes, maxBytes int) *Batch { return &Batch{} }

// ReadBatchWith in every way is similar to ReadBatch. ReadBatch is configured
// with the default values in ReadBatchConfig except for minBytes and maxBytes.
func (c *Conn) ReadBatchWith(cfg ReadBatchConfig) *Batch { return &Batch{} }

// WriteMessages writes a batch of messages to the connection's topic and
// partition, returning the number of bytes written.
func (c *Conn) WriteMessages(msgs ...Message) (int, error) { return 0, nil }

// A Batch is an iterator over a sequence of messages fetched from a kafka
// server.
//
// Batches are created by calling (*Conn).ReadBatch. They hold a internal lock
// on the connection, which is released when the batch is closed. Failing to
// call a batch's Close method will likely result in a dead-lock when trying to
// use the connection.
//
// Batches are safe to use concurrently from multiple goroutines.
type Batch struct {
	err error
}

// HighWaterMark returns the current highest watermark in a partition.
func (batch *Batch) HighWaterMark() int64 { return 0 }

// Offset returns the offset of the next message in the batch.
func (batch *Batch) Offset() int64 { return 0 }

// Close closes the batch, releasing the connection lock and returning an error
// if reading the batch failed for any reason.
func (batch *Batch) Close() error { return batch.err }

// Err returns a non-nil error if the batch is broken. This is the same error
// that would be returned by Read, ReadMessage or Close (except in the case of
// io.EOF which is never returned by Close).
func (batch *Batch) Err() error { return batch.err }

// ReadMessage reads and return the next message from the batch.
func (batch *Batch) ReadMessage() (Message, error) { return Message{}, nil }

// Reader provides a high-level API for consuming messages from kafka.
type Reader struct {
	config ReaderConfig
}

// NewReader creates and returns a new Reader configured with config.
// The offset is initialized to FirstOffset.
func NewReader(config ReaderConfig) *Reader { return &Reader{config: config} }

// Config returns the reader's configuration.
func (r *Reader) Config() ReaderConfig { return r.config }

// Close closes the stream, preventing the program from reading any more
// messages from it.
func (r *Reader) Close() error { return nil }

// ReadMessage reads and return the next message from the r.
func (r *Reader) ReadMessage(ctx context.Context) (Message, error) { return Message{}, nil }

// FetchMessage reads and return the next message from the r.
func (r *Reader) FetchMessage(ctx context.Context) (Message, error) { return Message{}, nil }

// Stats returns a snapshot of the reader stats since the last time the method
// was called, or since the reader was created if it is called for the first
// time.
func (r *Reader) Stats() ReaderStats { return ReaderStats{} }

// Writer implements a high-level API to produce messages to kafka (subset of fields).
type Writer struct {
	// Address of the kafka cluster that this writer is configured to send
	// messages to.
	Addr  string
	Topic string
}

// NewWriter creates and returns a new Writer configured with config.
//
// DEPRECATED: Writer value can be instantiated and configured directly,
// this function is retained for backward compatibility and will be removed
// in version 1.0.
func NewWriter(config WriterConfig) *Writer { return &Writer{Topic: config.Topic} }

// Close flushes pending writes, and waits for all writes to complete before
// returning. Calling Close also prevents new writes from being submitted to
// the Writer, further calls to WriteMessages and the like will fail with
// io.ErrClosedPipe.
func (w *Writer) Close() error { return nil }

// WriteMessages writes a batch of messages to the kafka topic configured on this
// writer.
func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

// Stats returns a snapshot of the writer stats since the last time the method
// was called, or since the writer was created if it is called for the first
// time.
func (w *Writer) Stats() WriterStats { return WriterStats{} }
