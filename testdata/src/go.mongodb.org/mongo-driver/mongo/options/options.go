// Stub of go.mongodb.org/mongo-driver@v1.17.10 for offline analysistest; signatures copied from the real package.

// Package options defines the optional configurations for the CRUD operations (opaque option types only).
package options

// ClientOptions is an opaque stub of the real options struct.
type ClientOptions struct{}

// SessionOptions is an opaque stub of the real options struct.
type SessionOptions struct{}

// DatabaseOptions is an opaque stub of the real options struct.
type DatabaseOptions struct{}

// CollectionOptions is an opaque stub of the real options struct.
type CollectionOptions struct{}

// FindOptions is an opaque stub of the real options struct.
type FindOptions struct{}

// AggregateOptions is an opaque stub of the real options struct.
type AggregateOptions struct{}

// ChangeStreamOptions is an opaque stub of the real options struct.
type ChangeStreamOptions struct{}

// ListCollectionsOptions is an opaque stub of the real options struct.
type ListCollectionsOptions struct{}

// RunCmdOptions is an opaque stub of the real options struct.
type RunCmdOptions struct{}

// ListIndexesOptions is an opaque stub of the real options struct.
type ListIndexesOptions struct{}

// Client creates a new ClientOptions instance.
func Client() *ClientOptions { return &ClientOptions{} }

// ApplyURI parses the given URI and sets options accordingly.
func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }
