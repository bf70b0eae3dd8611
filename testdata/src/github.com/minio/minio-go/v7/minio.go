// Stub of github.com/minio/minio-go/v7@v7.4.1 for offline analysistest; signatures copied from the real package.

// Package minio is the MinIO client SDK for Amazon S3 compatible object storage (subset of the real API).
package minio

import "context"

// Options for New method (subset of fields).
type Options struct {
	Secure bool
	Region string
}

// Client implements Amazon S3 compatible methods.
type Client struct {
	endpoint string
}

// New - instantiate minio client with options
func New(endpoint string, opts *Options) (*Client, error) { return &Client{endpoint: endpoint}, nil }

// GetObjectOptions are used to specify additional headers or options
// during GET requests (subset of fields).
type GetObjectOptions struct {
	VersionID string
}

// ObjectInfo container for object metadata (subset of fields).
type ObjectInfo struct {
	Key  string
	Size int64
}

// GetObject wrapper function that accepts a request context
func (c *Client) GetObject(ctx context.Context, bucketName, objectName string, opts GetObjectOptions) (*Object, error) {
	return &Object{}, nil
}

// Object represents an open object. It implements
// Reader, ReaderAt, Seeker, Closer for a HTTP stream.
type Object struct {
	isClosed bool
}

// Read reads up to len(b) bytes into b. It returns the number of
// bytes read (0 <= n <= len(b)) and any error encountered. Returns
// io.EOF upon end of file.
func (o *Object) Read(b []byte) (n int, err error) { return 0, nil }

// Stat returns the ObjectInfo structure describing Object.
func (o *Object) Stat() (ObjectInfo, error) { return ObjectInfo{}, nil }

// Close - The behavior of Close after the first call returns error
// for subsequent Close() calls.
func (o *Object) Close() (err error) {
	o.isClosed = true
	return nil
}
