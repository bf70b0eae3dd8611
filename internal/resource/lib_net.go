package resource

// RPC, messaging, websockets and SSH.

const (
	grpc     = "google.golang.org/grpc"
	amqp     = "github.com/rabbitmq/amqp091-go"
	nats     = "github.com/nats-io/nats.go"
	kafkago  = "github.com/segmentio/kafka-go"
	sarama   = "github.com/IBM/sarama"
	gorillaW = "github.com/gorilla/websocket"
	coderW   = "github.com/coder/websocket"
	cryptSSH = "golang.org/x/crypto/ssh"
)

var grpcCatalog = Catalog{
	Library: grpc,
	Tests:   "testdata/src/rc/families/grpc.go",
	Families: []Family{
		// Close a second time returns ErrClientConnClosing and does nothing.
		{Key: grpc + ".ClientConn", Display: "*grpc.ClientConn", Release: []string{"Close"}, AfterRelease: []string{"GetState", "Target", "CanonicalTarget"}, ReleaseTwiceSafe: true},
		// A client stream ends (ClientConn.NewStream's doc) when its
		// context is canceled, when RecvMsg returns an error (io.EOF
		// included: Recv of the generated interfaces calls it), or when
		// Header or SendMsg returns an error other than io.EOF. An io.EOF
		// from SendMsg still needs a RecvMsg for the status: counting every
		// error as the end can only miss that leak, never invent one.
		// CloseSend "always returns a nil error". CloseAndRecv receives
		// the one response of a client-streaming call, and the end of the
		// stream with it. The stream is context-scoped: one opened with a
		// context the function was given is its caller's to end, which is
		// what generated code and most handlers do. The generated stream
		// interfaces (grpc.ServerStreamingClient[Res], ..., and the older
		// per-method ones) embed ClientStream.
		{
			Key: grpc + ".ClientStream", Display: "grpc.ClientStream",
			Release:          []string{"CloseAndRecv"},
			ReleasedOnError:  []string{"RecvMsg", "Recv", "SendMsg", "Send", "Header", "CloseSend"},
			AfterRelease:     []string{"Trailer", "Context", "Header", "CloseSend", "RecvMsg", "Recv", "SendMsg", "Send"},
			ReleaseTwiceSafe: true,
			Hint:             "cancel its context, or receive until Recv returns an error",
			ContextScoped:    true, Embedders: true,
		},
	},
	Acquirers: map[string]string{
		grpc + ".NewClient":                     grpc + ".ClientConn",
		grpc + ".Dial":                          grpc + ".ClientConn",
		grpc + ".DialContext":                   grpc + ".ClientConn",
		grpc + ".ClientConn.NewStream":          grpc + ".ClientStream",
		grpc + ".ClientConnInterface.NewStream": grpc + ".ClientStream",
		grpc + ".NewClientStream":               grpc + ".ClientStream",
	},
	Ties: map[string]Tie{
		grpc + ".ClientConn.NewStream": {Receiver: true},
	},
	// A transport handshake returns the raw connection it is given,
	// wrapped (TLS, ALTS): the wrapper holds nothing of its own, and the
	// raw connection's owner closes it (grpc's transport closes the raw
	// conn when the handshake, or what follows it, fails). Without these
	// rows the interface rule makes each handshake an acquisition of a
	// second connection.
	NotAcquirers: []string{
		grpc + "/credentials.TransportCredentials.ClientHandshake",
		grpc + "/credentials.TransportCredentials.ServerHandshake",
	},
}

// A channel is closed with its connection (Connection.Close closes every
// channel: "Close requests and waits for the response to close the AMQP
// connection"). NotifyClose on a closed connection or channel is legal: the
// listener's channel is closed at once.
var amqpCatalog = Catalog{
	Library: amqp,
	Tests:   "testdata/src/rc/families/amqp.go",
	Families: []Family{
		{Key: amqp + ".Connection", Display: "*amqp091.Connection", Release: []string{"Close", "CloseDeadline"}, AfterRelease: []string{"IsClosed", "NotifyClose"}, ReleaseTwiceSafe: true},
		{Key: amqp + ".Channel", Display: "*amqp091.Channel", Release: []string{"Close"}, AfterRelease: []string{"IsClosed", "NotifyClose"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		amqp + ".Dial":                 amqp + ".Connection",
		amqp + ".DialTLS":              amqp + ".Connection",
		amqp + ".DialTLS_ExternalAuth": amqp + ".Connection",
		amqp + ".DialConfig":           amqp + ".Connection",
		amqp + ".Open":                 amqp + ".Connection",
		amqp + ".Connection.Channel":   amqp + ".Channel",
	},
	Ties: map[string]Tie{
		amqp + ".Connection.Channel": {Receiver: true},
	},
}

// Only synchronous subscriptions are acquisitions: a Subscribe with a
// handler keeps delivering after the function returns, which is what it
// is for, while a SubscribeSync nobody can read any more only fills its
// pending buffer. Closing or draining the connection ends its
// subscriptions. JetStream is an interface: its asynchronous subscriptions
// are listed as no acquisitions, its synchronous ones are acquisitions by
// the interface rule.
var natsCatalog = Catalog{
	Library: nats,
	Tests:   "testdata/src/rc/families/nats.go",
	Families: []Family{
		{Key: nats + ".Conn", Display: "*nats.Conn", Release: []string{"Close", "Drain"}, AfterRelease: []string{"IsClosed", "IsDraining", "LastError", "Status", "Stats"}, ReleaseTwiceSafe: true},
		// Reading after Drain is how a drained synchronous subscription
		// is emptied; after Unsubscribe a read only returns an error.
		{Key: nats + ".Subscription", Display: "*nats.Subscription", Release: []string{"Unsubscribe", "Drain"}, AfterRelease: []string{"IsValid", "NextMsg", "NextMsgWithContext", "Fetch", "ConsumerInfo"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		nats + ".Connect":                 nats + ".Conn",
		nats + ".Options.Connect":         nats + ".Conn",
		nats + ".Conn.SubscribeSync":      nats + ".Subscription",
		nats + ".Conn.QueueSubscribeSync": nats + ".Subscription",
	},
	NotAcquirers: []string{
		nats + ".JetStream.Subscribe",
		nats + ".JetStream.QueueSubscribe",
		nats + ".JetStream.ChanSubscribe",
		nats + ".JetStream.ChanQueueSubscribe",
	},
	Ties: map[string]Tie{
		nats + ".Conn.SubscribeSync":      {Receiver: true},
		nats + ".Conn.QueueSubscribeSync": {Receiver: true},
	},
}

var kafkaGoCatalog = Catalog{
	Library: kafkago,
	Tests:   "testdata/src/rc/families/kafka.go",
	Families: []Family{
		{Key: kafkago + ".Conn", Display: "*kafka.Conn", Release: []string{"Close"}, ReleaseTwiceSafe: true},
		{Key: kafkago + ".Reader", Display: "*kafka.Reader", Release: []string{"Close"}, AfterRelease: []string{"Stats", "Config"}, ReleaseTwiceSafe: true},
		{Key: kafkago + ".Writer", Display: "*kafka.Writer", Release: []string{"Close"}, AfterRelease: []string{"Stats"}, ReleaseTwiceSafe: true},
		// A batch holds the connection's read lock until Close.
		{Key: kafkago + ".Batch", Display: "*kafka.Batch", Release: []string{"Close"}, AfterRelease: []string{"Err", "Offset", "HighWaterMark"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		kafkago + ".Dial":                 kafkago + ".Conn",
		kafkago + ".DialContext":          kafkago + ".Conn",
		kafkago + ".DialLeader":           kafkago + ".Conn",
		kafkago + ".DialPartition":        kafkago + ".Conn",
		kafkago + ".Dialer.Dial":          kafkago + ".Conn",
		kafkago + ".Dialer.DialContext":   kafkago + ".Conn",
		kafkago + ".Dialer.DialLeader":    kafkago + ".Conn",
		kafkago + ".Dialer.DialPartition": kafkago + ".Conn",
		kafkago + ".NewReader":            kafkago + ".Reader",
		kafkago + ".NewWriter":            kafkago + ".Writer",
		kafkago + ".Conn.ReadBatch":       kafkago + ".Batch",
		kafkago + ".Conn.ReadBatchWith":   kafkago + ".Batch",
	},
}

// Every sarama handle is an interface. A handle made FromClient does not
// close its client ("you must call Close() on the underlying client"), so
// there is no tie; a PartitionConsumer must be closed before its Consumer.
var saramaCatalog = Catalog{
	Library: sarama,
	Tests:   "testdata/src/rc/families/sarama.go",
	Families: []Family{
		{Key: sarama + ".Client", Display: "sarama.Client", Release: []string{"Close"}, AfterRelease: []string{"Closed"}},
		{Key: sarama + ".Consumer", Display: "sarama.Consumer", Release: []string{"Close"}},
		{Key: sarama + ".PartitionConsumer", Display: "sarama.PartitionConsumer", Release: []string{"Close", "AsyncClose"}, AfterRelease: []string{"Messages", "Errors"}},
		{Key: sarama + ".ConsumerGroup", Display: "sarama.ConsumerGroup", Release: []string{"Close"}},
		{Key: sarama + ".SyncProducer", Display: "sarama.SyncProducer", Release: []string{"Close"}},
		{Key: sarama + ".AsyncProducer", Display: "sarama.AsyncProducer", Release: []string{"Close", "AsyncClose"}, AfterRelease: []string{"Successes", "Errors"}},
		{Key: sarama + ".ClusterAdmin", Display: "sarama.ClusterAdmin", Release: []string{"Close"}},
	},
	Acquirers: map[string]string{
		sarama + ".NewClient":                  sarama + ".Client",
		sarama + ".NewConsumer":                sarama + ".Consumer",
		sarama + ".NewConsumerFromClient":      sarama + ".Consumer",
		sarama + ".Consumer.ConsumePartition":  sarama + ".PartitionConsumer",
		sarama + ".NewConsumerGroup":           sarama + ".ConsumerGroup",
		sarama + ".NewConsumerGroupFromClient": sarama + ".ConsumerGroup",
		sarama + ".NewSyncProducer":            sarama + ".SyncProducer",
		sarama + ".NewSyncProducerFromClient":  sarama + ".SyncProducer",
		sarama + ".NewAsyncProducer":           sarama + ".AsyncProducer",
		sarama + ".NewAsyncProducerFromClient": sarama + ".AsyncProducer",
		sarama + ".NewClusterAdmin":            sarama + ".ClusterAdmin",
		sarama + ".NewClusterAdminFromClient":  sarama + ".ClusterAdmin",
	},
}

// gorilla's Dial also returns the handshake's *http.Response, whose Body
// the library has already drained and replaced (a no-op closer): it is not
// an acquisition.
var gorillaCatalog = Catalog{
	Library: gorillaW,
	Tests:   "testdata/src/rc/families/websocket.go",
	Families: []Family{
		{Key: gorillaW + ".Conn", Display: "*websocket.Conn", Release: []string{"Close"}, AfterRelease: []string{"LocalAddr", "RemoteAddr", "Subprotocol"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		gorillaW + ".Dialer.Dial":        gorillaW + ".Conn",
		gorillaW + ".Dialer.DialContext": gorillaW + ".Conn",
		gorillaW + ".Upgrader.Upgrade":   gorillaW + ".Conn",
		gorillaW + ".Upgrade":            gorillaW + ".Conn",
		gorillaW + ".NewClient":          gorillaW + ".Conn",
	},
}

var coderCatalog = Catalog{
	Library: coderW,
	Tests:   "testdata/src/rc/families/websocket.go",
	Families: []Family{
		{Key: coderW + ".Conn", Display: "*websocket.Conn", Release: []string{"Close", "CloseNow"}, AfterRelease: []string{"Subprotocol"}, ReleaseTwiceSafe: true, DeferFix: "CloseNow()"},
	},
	Acquirers: map[string]string{
		coderW + ".Dial":   coderW + ".Conn",
		coderW + ".Accept": coderW + ".Conn",
	},
}

// A session is a channel of its client's connection: closing the client
// closes it.
var sshCatalog = Catalog{
	Library: cryptSSH,
	Tests:   "testdata/src/rc/families/ssh.go",
	Families: []Family{
		{Key: cryptSSH + ".Client", Display: "*ssh.Client", Release: []string{"Close"}, ReleaseTwiceSafe: true},
		{Key: cryptSSH + ".Session", Display: "*ssh.Session", Release: []string{"Close"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		cryptSSH + ".Dial":              cryptSSH + ".Client",
		cryptSSH + ".NewClient":         cryptSSH + ".Client",
		cryptSSH + ".Client.NewSession": cryptSSH + ".Session",
		cryptSSH + ".Client.Dial":       "net.Conn",
		cryptSSH + ".Client.Listen":     "net.Listener",
	},
	Ties: map[string]Tie{
		cryptSSH + ".Client.NewSession": {Receiver: true},
		cryptSSH + ".Client.Dial":       {Receiver: true},
		cryptSSH + ".Client.Listen":     {Receiver: true},
	},
}
