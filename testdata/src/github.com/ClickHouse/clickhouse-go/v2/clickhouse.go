// Stub of github.com/ClickHouse/clickhouse-go/v2@v2.51.0 for offline analysistest; signatures copied from the real package.

// Package clickhouse is the ClickHouse client (subset of the real API).
package clickhouse

import (
	"crypto/tls"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Auth holds the credentials of a connection.
type Auth struct {
	Database string
	Username string
	Password string
}

// Options configure a connection (subset of fields).
type Options struct {
	Addr []string
	Auth Auth
	TLS  *tls.Config
}

// Open opens a connection with the native API.
func Open(opt *Options) (driver.Conn, error) { return nil, nil }
