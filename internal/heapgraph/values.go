package heapgraph

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// DescribeAddr names an address for messages: "Conn.pool", "Pool.conns[]".
func DescribeAddr(addr ssa.Value) string {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if f := ssax.Field(a.X.Type(), a.Field); f != nil {
			return typegraph.Name(ssax.Deref(a.X.Type())) + "." + f.Name()
		}
		return "a field"
	case *ssa.IndexAddr:
		if ld, ok := a.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			return DescribeAddr(ld.X) + "[]"
		}
		return DescribeAddr(a.X) + "[]"
	case *ssa.Global:
		return a.Name()
	case *ssa.Alloc:
		if a.Comment != "" && !strings.Contains(a.Comment, " ") {
			return "variable " + a.Comment
		}
	}
	return "a variable"
}

// Captured returns the value a closure binding stands for: go/ssa
// captures variables by reference, through a heap cell, and a cell that is
// assigned once holds that one value (gc even captures it by value).
func Captured(b ssa.Value) ssa.Value {
	b = ssax.Canon(b)
	if cell, ok := b.(*ssa.Alloc); ok {
		if v := ssax.OnlyReference(cell); v != nil {
			return ssax.Canon(v)
		}
	}
	return b
}

// PointsInto reports whether v is the address of a field or element of x.
func PointsInto(v, x ssa.Value) bool {
	switch v.(type) {
	case *ssa.FieldAddr, *ssa.IndexAddr:
		return ssax.Canon(ssax.AddrRoot(v)) == x
	}
	return false
}
