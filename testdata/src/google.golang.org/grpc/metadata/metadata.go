// Stub of google.golang.org/grpc@v1.85.0/metadata for offline analysistest.

// Package metadata define the structure of the metadata supported by gRPC library.
package metadata

// MD is a mapping from metadata keys to values.
type MD map[string][]string
