// Stub of github.com/jackc/pgproto3/v2@v2.3.3 for offline analysistest; signatures copied from the real package.

package pgproto3

type FieldDescription struct {
	Name                 []byte
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}
