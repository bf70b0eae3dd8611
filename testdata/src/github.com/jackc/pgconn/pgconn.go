// Stub of github.com/jackc/pgconn@v1.14.3 (pgx v4's pgconn) for offline analysistest; signatures copied from the real package.

package pgconn

import "github.com/jackc/pgproto3/v2"

// CommandTag is the result of an Exec function
type CommandTag []byte

// RowsAffected returns the number of rows affected. If the CommandTag was not
// for a row affecting command (e.g. "CREATE TABLE") then it returns 0.
func (ct CommandTag) RowsAffected() int64 { return 0 }

func (ct CommandTag) String() string { return string(ct) }

// StatementDescription is returned by Prepare
type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []pgproto3.FieldDescription
}
