package typegraph_test

import (
	"go/types"
	"testing"

	"github.com/connlint/connlint/internal/ssax/ssaxtest"
	"github.com/connlint/connlint/internal/typegraph"
)

const src = `package p

import (
	"sync/atomic"
	"unique"
	"weak"
)

type Conn struct {
	pool *Pool
	fd   int
	name string
}

type Pool struct{ conns []*Conn }

type WConn struct{ pool weak.Pointer[WPool] }
type WPool struct{ conns map[string]*WConn }

type UConn struct{ name unique.Handle[UConn] }

type Node struct{ next atomic.Pointer[Node] }

type Leaf struct {
	fd   uintptr
	name string
	buf  []byte
}

type Handler interface{ Handle() }
type IConn struct{ h Handler }
type hook struct{ c *IConn }

type FConn struct{ onClose []func() }
`

func TestPath(t *testing.T) {
	pkg := ssaxtest.Check(t, src)
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	g := typegraph.New()

	for _, tc := range []struct {
		from, to string
		want     string // "" for no path
	}{
		{"Conn", "Conn", "Conn.pool → Pool.conns[] → Conn"},
		{"Pool", "Conn", "Pool.conns[] → Conn"},
		{"WConn", "WConn", ""}, // weak.Pointer is not traced
		{"UConn", "UConn", ""}, // unique.Handle stops
		{"Node", "Node", "Node.next → Node"},
		{"Leaf", "Leaf", ""},
		{"IConn", "IConn", ""}, // nothing stored in h yet
		{"FConn", "FConn", ""},
	} {
		if got := g.Path(typ(tc.from), typ(tc.to)).String(); got != tc.want {
			t.Errorf("Path(%s, %s) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}

	// Interface and func fields count with the values the code stores.
	field := func(owner, name string) *types.Var {
		st := typ(owner).Underlying().(*types.Struct)
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == name {
				return st.Field(i)
			}
		}
		t.Fatalf("no field %s.%s", owner, name)
		return nil
	}
	g.AddDynamic(field("IConn", "h"), typ("hook"))
	if got, want := g.Path(typ("IConn"), typ("IConn")).String(), "IConn.h → hook.c → IConn"; got != want {
		t.Errorf("with a hook stored in h: %q, want %q", got, want)
	}
	g.AddDynamic(field("FConn", "onClose"), types.NewPointer(typ("FConn")))
	if got, want := g.Path(typ("FConn"), typ("FConn")).String(), "FConn.onClose → FConn"; got != want {
		t.Errorf("with a closure capturing the conn in onClose: %q, want %q", got, want)
	}
	if !typegraph.HoldsDynamic(field("FConn", "onClose").Type()) || typegraph.HoldsDynamic(typ("Leaf")) {
		t.Error("HoldsDynamic")
	}
}
