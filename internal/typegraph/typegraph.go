// Package typegraph answers a question about types, not values: can an
// object of type A hold, through its fields, a reference that keeps an
// object of type B alive?
//
// References are followed the way the garbage collector follows them:
// through pointers, slices, arrays, map keys and values, channels, struct
// fields (embedded or not) and the type argument of sync/atomic.Pointer.
// They stop where the collector does not trace a typed reference:
// weak.Pointer, unique.Handle, uintptr, string, unsafe.Pointer and type
// parameters.
//
// Interface and func values may hold anything, so a static walk through
// them would reach every type. Instead the caller tells the graph which
// concrete types the code it analyzed stores in a given field
// ([Graph.AddDynamic]); only those are followed.
package typegraph

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A Step is one reference on a path: an object of type From refers, through
// Field, to an object of type To.
type Step struct {
	From, To types.Type
	Field    string // e.g. "pool", "conns[]", "m[key]"; "" for a plain pointer
}

// A Path is a chain of references from one object to another.
type Path []Step

// String renders a path as "conn.pool → pool.conns[] → conn".
func (p Path) String() string {
	if len(p) == 0 {
		return ""
	}
	var parts []string
	for _, s := range p {
		if s.Field != "" {
			parts = append(parts, Name(s.From)+"."+s.Field)
		}
	}
	parts = append(parts, Name(p[len(p)-1].To))
	return strings.Join(parts, " → ")
}

// Name is a short name for a type in messages: the type's own name without
// package qualification or type arguments.
func Name(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return "*" + Name(p.Elem())
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return types.TypeString(t, func(*types.Package) string { return "" })
}

// A Graph holds the dynamic facts of one package (which concrete types are
// stored in interface and func fields) and memoises the references of each
// type. It is not safe for concurrent use.
type Graph struct {
	dynamic map[*types.Var][]types.Type
	refs    typeutil.Map // types.Type -> []Step
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{dynamic: make(map[*types.Var][]types.Type)}
}

// AddDynamic records that a value of concrete type t is stored in field
// (directly, or as an element of a slice, map or array in that field).
// It only matters for fields whose type involves an interface or a func.
func (g *Graph) AddDynamic(field *types.Var, t types.Type) {
	field = field.Origin()
	for _, old := range g.dynamic[field] {
		if types.Identical(old, t) {
			return
		}
	}
	g.dynamic[field] = append(g.dynamic[field], t)
	g.refs = typeutil.Map{} // the memo may be stale
}

// Refs returns the references an object of type t holds directly.
func (g *Graph) Refs(t types.Type) []Step {
	if r, ok := g.refs.At(t).([]Step); ok {
		return r
	}
	var out []Step
	g.walk(t, t, "", &out)
	g.refs.Set(t, out)
	return out
}

// walk collects into out the references of a value of type t stored
// inline in an object of type obj, at field path label.
func (g *Graph) walk(obj, t types.Type, label string, out *[]Step) {
	add := func(to types.Type, suffix string) {
		*out = append(*out, Step{From: obj, To: to, Field: label + suffix})
	}
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		switch namedKey(u) {
		case "weak.Pointer", "unique.Handle":
			return // not traced (weak), or an interned value the program does not own
		case "sync/atomic.Pointer":
			add(u.TypeArgs().At(0), "")
			return
		}
		g.walk(obj, u.Underlying(), label, out)
	case *types.Pointer:
		add(u.Elem(), "")
	case *types.Slice:
		add(u.Elem(), "[]")
	case *types.Array:
		if u.Len() > 0 {
			g.walk(obj, u.Elem(), label+"[]", out)
		}
	case *types.Map:
		add(u.Key(), "[key]")
		add(u.Elem(), "[]")
	case *types.Chan:
		add(u.Elem(), "[]")
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			name := f.Name()
			if label != "" {
				name = label + "." + name
			}
			g.walk(obj, f.Type(), name, out)
			if HoldsDynamic(f.Type()) {
				for _, c := range g.dynamic[f.Origin()] {
					*out = append(*out, Step{From: obj, To: c, Field: name})
				}
			}
		}
	}
	// Basic types (uintptr, string, unsafe.Pointer), interfaces, funcs and
	// type parameters hold no typed reference the walk can follow.
}

// HoldsDynamic reports whether values of type t may hold interface or func
// values, whose referents only dynamic facts can tell.
func HoldsDynamic(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface, *types.Signature:
		return true
	case *types.Slice:
		return HoldsDynamic(u.Elem())
	case *types.Array:
		return HoldsDynamic(u.Elem())
	case *types.Map:
		return HoldsDynamic(u.Key()) || HoldsDynamic(u.Elem())
	case *types.Chan:
		return HoldsDynamic(u.Elem())
	}
	return false
}

// Path returns a shortest chain of one or more references from an object of
// type from to an object whose type matches to (see [Same]), or nil if
// there is none.
func (g *Graph) Path(from, to types.Type) Path {
	type item struct {
		t    types.Type
		prev int
		step Step
	}
	var seen typeutil.Map
	seen.Set(from, true)
	queue := []item{{t: from, prev: -1}}
	for i := 0; i < len(queue); i++ {
		for _, s := range g.Refs(queue[i].t) {
			if Same(s.To, to) {
				path := Path{s}
				for j := i; queue[j].prev >= 0; j = queue[j].prev {
					path = append(Path{queue[j].step}, path...)
				}
				return path
			}
			if seen.At(s.To) != nil {
				continue
			}
			seen.Set(s.To, true)
			queue = append(queue, item{t: s.To, prev: i, step: s})
		}
	}
	return nil
}

// Same reports whether two types denote the same kind of object: identical
// types, or instances of the same generic named type (so that code inside
// a generic function, which sees Node[T], matches the instance Node[int]).
func Same(a, b types.Type) bool {
	if types.Identical(a, b) {
		return true
	}
	na, okA := types.Unalias(a).(*types.Named)
	nb, okB := types.Unalias(b).(*types.Named)
	return okA && okB && na.Origin() == nb.Origin()
}

func namedKey(n *types.Named) string {
	if n.Obj().Pkg() == nil {
		return n.Obj().Name()
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}
