// Stub of github.com/jackc/pgx/v5@v5.12.0 for offline analysistest; signatures copied from the real package.

package pgconn

import (
	"context"
	"strings"
	"time"
)

// Config is the settings used to establish a connection to a PostgreSQL server (subset of fields).
type Config struct {
	Host           string
	Port           uint16
	Database       string
	User           string
	Password       string
	ConnectTimeout time.Duration
	RuntimeParams  map[string]string
}

// PgConn is a low-level PostgreSQL connection handle.
type PgConn struct {
	closed bool
}

// Connect establishes a connection to a PostgreSQL server using connString.
func Connect(ctx context.Context, connString string) (*PgConn, error) { return nil, nil }

// Close closes a connection.
func (pgConn *PgConn) Close(ctx context.Context) error {
	pgConn.closed = true
	return nil
}

// IsClosed reports if the connection has been closed.
func (pgConn *PgConn) IsClosed() bool { return pgConn.closed }

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct {
	s string
}

// NewCommandTag makes a CommandTag from s.
func NewCommandTag(s string) CommandTag { return CommandTag{s: s} }

// RowsAffected returns the number of rows affected.
func (ct CommandTag) RowsAffected() int64 {
	var n int64
	var mult int64 = 1
	for i := len(ct.s) - 1; i >= 0; i-- {
		c := ct.s[i]
		if c < '0' || c > '9' {
			break
		}
		n += int64(c-'0') * mult
		mult *= 10
	}
	return n
}

func (ct CommandTag) String() string { return ct.s }

// Insert is true if the command tag starts with "INSERT".
func (ct CommandTag) Insert() bool { return strings.HasPrefix(ct.s, "INSERT") }

// Update is true if the command tag starts with "UPDATE".
func (ct CommandTag) Update() bool { return strings.HasPrefix(ct.s, "UPDATE") }

// Delete is true if the command tag starts with "DELETE".
func (ct CommandTag) Delete() bool { return strings.HasPrefix(ct.s, "DELETE") }

// Select is true if the command tag starts with "SELECT".
func (ct CommandTag) Select() bool { return strings.HasPrefix(ct.s, "SELECT") }

// FieldDescription describes one result column.
type FieldDescription struct {
	Name                 string
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}

// StatementDescription is a description of a prepared statement.
type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []FieldDescription
}
