// Package reservedclose defines an Analyzer that reports connections,
// transactions, result sets and pool leases that are not released on every
// path.
//
// # Analyzer reservedclose
//
// reservedclose: check that every acquired connection-like resource is released on all paths
//
// An acquisition is a call that returns a resource its caller must release:
// one of the built-in families below, a family declared with
// -reservedclose.acquire, or the result of any function annotated
// //connlint:acquire, whose release methods are the methods of the result
// type annotated //connlint:release.
//
// Built-in families (resource: release methods), generated from internal/resource:
//
//	database/sql: *sql.Conn (Close); *sql.Tx (Commit, Rollback); *sql.Rows (Close); *sql.Stmt (Close)
//	github.com/jackc/pgx/v5: *pgxpool.Conn (Release, Hijack); pgx.Tx (Commit, Rollback); pgx.Rows (Close); pgx.BatchResults (Close)
//	github.com/jackc/pgx/v4: *pgxpool.Conn (Release, Hijack); pgx.Tx (Commit, Rollback); pgx.Rows (Close); pgx.BatchResults (Close)
//	github.com/ClickHouse/clickhouse-go/v2: driver.Conn (Close); driver.Rows (Close); driver.Batch (Send, Abort, Close)
//	github.com/redis/go-redis/v9: *redis.Conn (Close)
//	github.com/go-redis/redis/v8: *redis.Conn (Close)
//	go.mongodb.org/mongo-driver/v2: *mongo.Client (Disconnect); *mongo.Cursor (Close, All); *mongo.ChangeStream (Close); *mongo.Session (EndSession)
//	go.mongodb.org/mongo-driver: *mongo.Client (Disconnect); *mongo.Cursor (Close, All); *mongo.ChangeStream (Close); mongo.Session (EndSession)
//	vitess.io/vitess/go/pools/smartconnpool: *smartconnpool.Pooled (Recycle)
//	net/http: *http.Response (Body.Close)
//	net: net.Conn (Close); net.Listener (Close); *net.TCPListener (Close); *net.UnixListener (Close); net.PacketConn (Close); *net.UDPConn (Close)
//	net/http/httptest: *httptest.Server (Close)
//	google.golang.org/grpc: *grpc.ClientConn (Close); grpc.ClientStream (cancel its context, or receive until Recv returns an error)
//	github.com/rabbitmq/amqp091-go: *amqp091.Connection (Close, CloseDeadline); *amqp091.Channel (Close)
//	github.com/nats-io/nats.go: *nats.Conn (Close, Drain); *nats.Subscription (Unsubscribe, Drain)
//	github.com/segmentio/kafka-go: *kafka.Conn (Close); *kafka.Reader (Close); *kafka.Writer (Close); *kafka.Batch (Close)
//	github.com/IBM/sarama: sarama.Client (Close); sarama.Consumer (Close); sarama.PartitionConsumer (Close, AsyncClose); sarama.ConsumerGroup (Close); sarama.SyncProducer (Close); sarama.AsyncProducer (Close, AsyncClose); sarama.ClusterAdmin (Close)
//	github.com/gorilla/websocket: *websocket.Conn (Close)
//	github.com/coder/websocket: *websocket.Conn (Close, CloseNow)
//	golang.org/x/crypto/ssh: *ssh.Client (Close); *ssh.Session (Close)
//	github.com/minio/minio-go/v7: *minio.Object (Close)
//	github.com/aws/aws-sdk-go-v2/service/s3: *s3.GetObjectOutput (Body.Close)
//
// On every path from the acquisition to a return, the resource must be
// released (directly, by a defer placed before that return, or by a callee
// that releases it), or visibly handed on: returned, stored in a field, map,
// slice or global, sent on a channel, captured by a goroutine, or passed to
// a function that keeps it (a goroutine or closure that receives it counts as
// what its body does with it). Nothing is needed on the branch where the
// acquisition failed (its error is non-nil, or the resource is nil), nor on
// paths that panic or call a function that never returns.
//
//	conn, err := db.Conn(ctx)
//	if err != nil {
//		return err
//	}
//	if !ok {
//		return errNotOK // reservedclose: *sql.Conn acquired here is not released on the path returning at line N
//	}
//	defer conn.Close()
//
// Every function is summarised (does it release, keep or only borrow each
// parameter; does it return what it acquired), and the summaries travel to
// importing packages as facts: a helper that closes its argument counts as a
// release at the call, and a wrapper that returns what it acquired becomes an
// acquisition for its callers. A call the analysis cannot see into (an
// interface method, a func value) is assumed to take ownership of a resource
// passed to it; the -strict flag assumes it only borrows it.
//
// A function that returns a struct built around what it acquired acquires
// that struct; its release methods are inferred (a method whose summary
// releases the receiver, a promoted release method of an embedded
// resource). An interface method or func value whose result is a resource
// type acquires it, unless it is a getter (no error result, no argument
// but contexts).
// A cleanup function returned beside a resource releases it when called.
// A struct that acquires a resource into a field owns it: a release method
// that leaves the field held on some path is reported, and so is an
// unexported owning field that nothing in the package releases.
//
// Directives:
//
//	//connlint:acquire         on a function: its first non-error result must be released
//	//connlint:release         on a method: calling it releases the receiver
//	//connlint:release idempotent   the same, and calling it again is a no-op
//	//connlint:afterrelease    on a method: it may be called after a release
//	//connlint:ignore REASON   on the acquisition's line or the line above: no report
//
// A value a library lends to a callback for the call's duration
// (database/sql's Conn.Raw, pgxpool's AcquireFunc, pgx's BeginFunc) must
// not escape the callback: storing it (or what its methods return) where
// the caller can reach it, sending it on a channel, or handing it to a
// goroutine is reported.
//
// A malformed directive is reported. Files marked as generated are not
// reported on.
package reservedclose
