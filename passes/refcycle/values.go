package refcycle

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// describeAddr names an address for messages: "Conn.pool", "Pool.conns[]".
func describeAddr(addr ssa.Value) string {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if f := ssax.Field(a.X.Type(), a.Field); f != nil {
			return typegraph.Name(ssax.Deref(a.X.Type())) + "." + f.Name()
		}
		return "a field"
	case *ssa.IndexAddr:
		if ld, ok := a.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			return describeAddr(ld.X) + "[]"
		}
		return describeAddr(a.X) + "[]"
	case *ssa.Global:
		return a.Name()
	case *ssa.Alloc:
		if a.Comment != "" && !strings.Contains(a.Comment, " ") {
			return "variable " + a.Comment
		}
	}
	return "a variable"
}
