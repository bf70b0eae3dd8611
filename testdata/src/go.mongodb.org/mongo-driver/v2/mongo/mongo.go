// Stub of go.mongodb.org/mongo-driver/v2@v2.10.0 for offline analysistest; signatures copied from the real package.

// Package mongo provides a MongoDB Driver API for Go (subset of the real API).
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Client is a handle representing a pool of connections to a MongoDB deployment.
type Client struct{}

// Connect creates a new Client and then initializes it using the Connect method.
//
// When creating an options.ClientOptions, the order the methods are called matters.
func Connect(opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// Disconnect closes sockets to the topology referenced by this Client. It will
// shut down any monitoring goroutines, close the idle connection pool, and will
// wait until all the in use connections have been returned to the connection
// pool and closed before returning.
func (c *Client) Disconnect(ctx context.Context) error { return nil }

// Ping sends a ping command to verify that the client can connect to the deployment.
func (c *Client) Ping(ctx context.Context, rp any) error { return nil }

// StartSession starts a new session configured with the given options.
//
// StartSession does not actually communicate with the server and will not error if the client is
// disconnected.
func (c *Client) StartSession(opts ...options.Lister[options.SessionOptions]) (*Session, error) {
	return nil, nil
}

// Database returns a handle for a database with the given name configured with the given DatabaseOptions.
func (c *Client) Database(name string, opts ...options.Lister[options.DatabaseOptions]) *Database {
	return &Database{}
}

// Watch returns a change stream for all changes on the deployment.
func (c *Client) Watch(ctx context.Context, pipeline any,
	opts ...options.Lister[options.ChangeStreamOptions]) (*ChangeStream, error) {
	return &ChangeStream{}, nil
}

// Session is a MongoDB logical session.
type Session struct{}

// EndSession aborts any existing transactions and close the session.
func (s *Session) EndSession(ctx context.Context) {}

// ID returns the current ID document associated with the session.
func (s *Session) ID() []byte { return nil }

// CommitTransaction commits the active transaction for this session.
func (s *Session) CommitTransaction(ctx context.Context) error { return nil }

// Database is a handle to a MongoDB database.
type Database struct{}

// Collection returns a handle for a collection with the given name and options.
func (db *Database) Collection(name string, opts ...options.Lister[options.CollectionOptions]) *Collection {
	return &Collection{}
}

// Aggregate executes an aggregate command the database.
func (db *Database) Aggregate(ctx context.Context, pipeline any,
	opts ...options.Lister[options.AggregateOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

// RunCommandCursor executes the given command against the database and parses the response as a cursor.
func (db *Database) RunCommandCursor(ctx context.Context, runCommand any, opts ...options.Lister[options.RunCmdOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

// ListCollections executes a listCollections command and returns a cursor over the collections in the database.
func (db *Database) ListCollections(ctx context.Context, filter any, opts ...options.Lister[options.ListCollectionsOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

// Watch returns a change stream for all changes to the corresponding database.
func (db *Database) Watch(ctx context.Context, pipeline any,
	opts ...options.Lister[options.ChangeStreamOptions]) (*ChangeStream, error) {
	return &ChangeStream{}, nil
}

// Collection is a handle to a MongoDB collection.
type Collection struct{}

// Find executes a find command and returns a Cursor over the matching documents in the collection.
func (coll *Collection) Find(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

// Aggregate executes an aggregate command against the collection and returns a cursor over the resulting documents.
func (coll *Collection) Aggregate(ctx context.Context, pipeline any,
	opts ...options.Lister[options.AggregateOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

// Watch returns a change stream for all changes on the corresponding collection.
func (coll *Collection) Watch(ctx context.Context, pipeline any,
	opts ...options.Lister[options.ChangeStreamOptions]) (*ChangeStream, error) {
	return &ChangeStream{}, nil
}

// Indexes returns an IndexView instance that can be used to perform operations on the indexes for the collection.
func (coll *Collection) Indexes() IndexView { return IndexView{coll: coll} }

// IndexView is a type that can be used to create, drop, and list indexes on a collection.
type IndexView struct {
	coll *Collection
}

// List executes a listIndexes command and returns a cursor over the indexes in the collection.
func (iv IndexView) List(ctx context.Context, opts ...options.Lister[options.ListIndexesOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

// Cursor is used to iterate over a stream of documents. Each document can be
// decoded into a Go type via the Decode method or accessed as raw BSON via the
// Current field. This type is not goroutine safe and must not be used
// concurrently by multiple goroutines.
type Cursor struct {
	// Current contains the BSON bytes of the current change document.
	Current []byte
	err     error
}

// ID returns the ID of this cursor, or 0 if the cursor has been closed or exhausted.
func (c *Cursor) ID() int64 { return 0 }

// Next gets the next document for this cursor. It returns true if there were no errors and the cursor has not been
// exhausted.
//
// Next blocks until a document is available or an error occurs. If the context expires, the cursor's error will
// be set to ctx.Err(). In case of an error, Next will return false.
func (c *Cursor) Next(ctx context.Context) bool { return false }

// TryNext attempts to get the next document for this cursor.
func (c *Cursor) TryNext(ctx context.Context) bool { return false }

// Decode will unmarshal the current document into val and return any errors from the unmarshalling process without any
// modification. If val is nil or is a typed nil, an error will be returned.
func (c *Cursor) Decode(val any) error { return nil }

// Err returns the last error seen by the Cursor, or nil if no error has occurred.
func (c *Cursor) Err() error { return c.err }

// Close closes this cursor. Next and TryNext must not be called after Close has been called. Close is idempotent. After
// the first call, any subsequent calls will not change the state.
func (c *Cursor) Close(ctx context.Context) error { return nil }

// All iterates the cursor and decodes each document into results. The results parameter must be a pointer to a slice.
// This method will close the cursor after retrieving all documents.
func (c *Cursor) All(ctx context.Context, results any) error {
	defer c.Close(ctx)
	for c.Next(ctx) {
		if err := c.Decode(results); err != nil {
			return err
		}
	}
	return c.Err()
}

// ChangeStream is used to iterate over a stream of events. Each event can be decoded into a Go type via the Decode
// method or accessed as raw BSON via the Current field.
type ChangeStream struct {
	// Current is the BSON bytes of the current event.
	Current []byte
	err     error
}

// ID returns the ID for this change stream, or 0 if the cursor has been closed or exhausted.
func (cs *ChangeStream) ID() int64 { return 0 }

// Decode will unmarshal the current event document into val.
func (cs *ChangeStream) Decode(val any) error { return nil }

// Err returns the last error seen by the change stream, or nil if no errors has occurred.
func (cs *ChangeStream) Err() error { return cs.err }

// Close closes this change stream and the underlying cursor. Next and TryNext must not be called after Close has been
// called. Close is idempotent. After the first call, any subsequent calls will not change the state.
func (cs *ChangeStream) Close(ctx context.Context) error { return nil }

// Next gets the next event for this change stream. It returns true if there were no errors and the next event document
// is available.
func (cs *ChangeStream) Next(ctx context.Context) bool { return false }
