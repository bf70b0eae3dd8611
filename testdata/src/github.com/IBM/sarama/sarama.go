// Stub of github.com/IBM/sarama@v1.61.1 for offline analysistest; signatures copied from the real package.
// The interfaces carry a subset of their real methods.

// Package sarama is a pure Go client library for dealing with Apache Kafka (subset of the real API).
package sarama

import "context"

// Config is used to pass multiple configuration options to Sarama's constructors (opaque).
type Config struct {
	ClientID string
}

// NewConfig returns a new configuration instance with sane defaults.
func NewConfig() *Config { return &Config{} }

// ConsumerMessage encapsulates a Kafka message returned by the consumer (subset of fields).
type ConsumerMessage struct {
	Topic  string
	Offset int64
	Value  []byte
}

// ConsumerError is what is provided to the user when an error occurs.
type ConsumerError struct {
	Topic string
	Err   error
}

// ProducerMessage is the collection of elements passed to the Producer in order to send a message (subset of fields).
type ProducerMessage struct {
	Topic string
	Value Encoder
}

// ProducerError is the type of error generated when the producer fails to deliver a message.
type ProducerError struct {
	Msg *ProducerMessage
	Err error
}

// Encoder is a simple interface for any type that can be encoded as an array of bytes
// in order to be sent as the key or value of a Kafka message.
type Encoder interface {
	Encode() ([]byte, error)
	Length() int
}

// StringEncoder implements the Encoder interface for Go strings so that they can be used
// as the Key or Value in a ProducerMessage.
type StringEncoder string

func (s StringEncoder) Encode() ([]byte, error) { return []byte(s), nil }

func (s StringEncoder) Length() int { return len(s) }

// Client is a generic Kafka client. It manages connections to one or more Kafka brokers.
// You MUST call Close() on a client to avoid leaks, it will not be garbage-collected
// automatically when it passes out of scope.
type Client interface {
	// Topics returns the set of available topics as retrieved from cluster metadata.
	Topics() ([]string, error)

	// Close shuts down all broker connections managed by this client. It is required
	// to call this function before a client object passes out of scope, as it will
	// otherwise leak memory. You must close any Producers or Consumers using a client
	// before you close the client.
	Close() error

	// Closed returns true if the client has already had Close called on it
	Closed() bool
}

// NewClient creates a new Client. It connects to one of the given broker addresses
// and uses that broker to automatically fetch metadata on the rest of the kafka cluster.
func NewClient(addrs []string, conf *Config) (Client, error) { return nil, nil }

// Consumer manages PartitionConsumers which process Kafka messages from brokers. You MUST call Close()
// on a consumer to avoid leaks, it will not be garbage-collected automatically when it passes out of
// scope.
type Consumer interface {
	// Topics returns the set of available topics as retrieved from the cluster
	// metadata.
	Topics() ([]string, error)

	// ConsumePartition creates a PartitionConsumer on the given topic/partition with
	// the given offset. It will return an error if this Consumer is already consuming
	// on the given topic/partition.
	ConsumePartition(topic string, partition int32, offset int64) (PartitionConsumer, error)

	// Close shuts down the consumer. It must be called after all child
	// PartitionConsumers have already been closed.
	Close() error
}

// NewConsumer creates a new consumer using the given broker addresses and configuration.
func NewConsumer(addrs []string, config *Config) (Consumer, error) { return nil, nil }

// NewConsumerFromClient creates a new consumer using the given client. It is still
// necessary to call Close() on the underlying client when shutting down this consumer.
func NewConsumerFromClient(client Client) (Consumer, error) { return nil, nil }

// PartitionConsumer processes Kafka messages from a given topic and partition. You MUST call one of Close() or
// AsyncClose() on a PartitionConsumer to avoid leaks; it will not be garbage-collected automatically when it passes out
// of scope.
type PartitionConsumer interface {
	// AsyncClose initiates a shutdown of the PartitionConsumer. This method will return immediately, after which you
	// should continue to service the 'Messages' and 'Errors' channels until they are empty.
	AsyncClose()

	// Close stops the PartitionConsumer from fetching messages. It will initiate a shutdown just like AsyncClose, drain
	// the Messages channel, harvest any errors & return them to the caller.
	Close() error

	// Messages returns the read channel for the messages that are returned by
	// the broker.
	Messages() <-chan *ConsumerMessage

	// Errors returns a read channel of errors that occurred during consuming, if
	// enabled.
	Errors() <-chan *ConsumerError

	// HighWaterMarkOffset returns the high water mark offset of the partition.
	HighWaterMarkOffset() int64
}

// ConsumerGroupHandler instances are used to handle individual topic/partition claims.
type ConsumerGroupHandler interface{}

// ConsumerGroup is responsible for dividing up processing of topics and partitions
// over a collection of processes (the members of the consumer group).
type ConsumerGroup interface {
	// Consume joins a cluster of consumers for a given list of topics and
	// starts a blocking ConsumerGroupSession through the ConsumerGroupHandler.
	Consume(ctx context.Context, topics []string, handler ConsumerGroupHandler) error

	// Errors returns a read channel of errors that occurred during the consumer life-cycle.
	Errors() <-chan error

	// Close stops the ConsumerGroup and detaches any running sessions. It is required to call
	// this function before the object passes out of scope, as it will otherwise leak memory.
	Close() error
}

// NewConsumerGroup creates a new consumer group the given broker addresses and configuration.
func NewConsumerGroup(addrs []string, groupID string, config *Config) (ConsumerGroup, error) {
	return nil, nil
}

// NewConsumerGroupFromClient creates a new consumer group using the given client. It is still
// necessary to call Close() on the underlying client when shutting down this consumer.
func NewConsumerGroupFromClient(groupID string, client Client) (ConsumerGroup, error) {
	return nil, nil
}

// SyncProducer publishes Kafka messages, blocking until they have been acknowledged. It routes messages to the correct
// broker, refreshing metadata as appropriate, and parses responses for errors. You must call Close() on a producer
// to avoid leaks, it may not be garbage-collected automatically when it passes out of scope.
type SyncProducer interface {
	// SendMessage produces a given message, and returns only when it either has
	// succeeded or failed to produce.
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)

	// Close shuts down the producer; you must call this function before a producer
	// object passes out of scope, as it may otherwise leak memory.
	Close() error
}

// NewSyncProducer creates a new SyncProducer using the given broker addresses and configuration.
func NewSyncProducer(addrs []string, config *Config) (SyncProducer, error) { return nil, nil }

// NewSyncProducerFromClient creates a new SyncProducer using the given client. It is still
// necessary to call Close() on the underlying client when shutting down this producer.
func NewSyncProducerFromClient(client Client) (SyncProducer, error) { return nil, nil }

// AsyncProducer publishes Kafka messages using a non-blocking API. You must read from the
// Errors() channel or the producer will deadlock. You must call Close() or AsyncClose() on
// a producer to avoid leaks and message lost: it will not be garbage-collected automatically
// when it passes out of scope and buffered messages may be lost.
type AsyncProducer interface {
	// AsyncClose triggers a shutdown of the producer. The shutdown has completed
	// when both the Errors and Successes channels have been closed.
	AsyncClose()

	// Close shuts down the producer and waits for any buffered messages to be
	// flushed.
	Close() error

	// Input is the input channel for the user to write messages to that they
	// wish to send.
	Input() chan<- *ProducerMessage

	// Successes is the success output channel back to the user when Return.Successes is
	// enabled.
	Successes() <-chan *ProducerMessage

	// Errors is the error output channel back to the user.
	Errors() <-chan *ProducerError
}

// NewAsyncProducer creates a new AsyncProducer using the given broker addresses and configuration.
func NewAsyncProducer(addrs []string, conf *Config) (AsyncProducer, error) { return nil, nil }

// NewAsyncProducerFromClient creates a new Producer using the given client. It is still
// necessary to call Close() on the underlying client when shutting down this producer.
func NewAsyncProducerFromClient(client Client) (AsyncProducer, error) { return nil, nil }

// ClusterAdmin is the administrative client for Kafka, which supports managing and inspecting topics,
// brokers, configurations and ACLs.
type ClusterAdmin interface {
	// List the topics available in the cluster with the default options.
	ListTopics() (map[string]struct{}, error)

	// Close shuts down the admin and closes underlying client.
	Close() error
}

// NewClusterAdmin creates a new ClusterAdmin using the given broker addresses and configuration.
func NewClusterAdmin(addrs []string, conf *Config) (ClusterAdmin, error) { return nil, nil }

// NewClusterAdminFromClient creates a new ClusterAdmin using the given client.
// Note that underlying client will also be closed on admin's Close() call.
func NewClusterAdminFromClient(client Client) (ClusterAdmin, error) {
	return &clusterAdmin{client: client}, nil // real-shaped: the admin keeps (and closes) the client
}

type clusterAdmin struct {
	client Client
}

func (ca *clusterAdmin) ListTopics() (map[string]struct{}, error) { return nil, nil }

func (ca *clusterAdmin) Close() error { return ca.client.Close() }
