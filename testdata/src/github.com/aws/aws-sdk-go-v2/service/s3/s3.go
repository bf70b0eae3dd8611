// Stub of github.com/aws/aws-sdk-go-v2/service/s3@v1.114.10 for offline analysistest; signatures copied from the
// real package.

// Package s3 provides the API client, operations, and parameter types for
// Amazon Simple Storage Service (subset of the real API).
package s3

import (
	"context"
	"io"
)

// Options are the client's options (subset of fields).
type Options struct {
	Region string
}

// Client provides the API client to make operations call for Amazon Simple
// Storage Service.
type Client struct {
	options Options
}

// New returns an initialized Client based on the functional options. Provide
// additional functional options to further configure the behavior of the client,
// such as changing the client's endpoint or adding custom middleware behavior.
func New(options Options, optFns ...func(*Options)) *Client { return &Client{options: options} }

// GetObjectInput is the input of GetObject (subset of fields).
type GetObjectInput struct {
	// The bucket name containing the object.
	//
	// This member is required.
	Bucket *string

	// Key of the object to get.
	//
	// This member is required.
	Key *string
}

// GetObjectOutput is the output of GetObject (subset of fields).
type GetObjectOutput struct {

	// Object data.
	Body io.ReadCloser

	// Size of the body in bytes.
	ContentLength *int64

	// A standard MIME type describing the format of the object data.
	ContentType *string
}

// Retrieves an object from Amazon S3.
func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return &GetObjectOutput{}, nil
}
