package refcycle

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// R1 and R2: finalizers and cleanups that can never run.
//
// The runtime treats a finalizer's function, and a cleanup's function and
// argument, as roots. Anything they reach stays alive; if that includes the
// object the finalizer or cleanup is attached to, the object is never
// unreachable. A finalizer also marks everything its object reaches (but
// not the object itself) so that the object's referents survive for the
// finalizer to use; if the object reaches itself through a cycle, it is
// marked anyway and never finalized.

const runtimeCycleQuote = `the runtime docs say "If a cyclic structure includes a block with a finalizer, that cycle is not guaranteed to be garbage collected and the finalizer is not guaranteed to run"`

func (c *checker) finalizers() {
	for _, s := range c.calls("runtime.SetFinalizer", "runtime.AddCleanup") {
		if s.key == "runtime.SetFinalizer" {
			c.setFinalizer(s.fn, s.call)
		} else {
			c.addCleanup(s.fn, s.call)
		}
	}
}

// setFinalizer checks runtime.SetFinalizer(x, f) (R1).
func (c *checker) setFinalizer(fn *ssa.Function, call *ssa.Call) {
	args := call.Call.Args
	if len(args) != 2 || ssax.IsNil(ssax.Canon(args[1])) {
		return // SetFinalizer(x, nil) removes a finalizer
	}
	x := ssax.Canon(args[0])
	ptr, ok := x.Type().Underlying().(*types.Pointer)
	if !ok {
		return // an interface whose dynamic type the code does not show
	}
	obj := ptr.Elem()
	name := typegraph.Name(x.Type())

	// The finalizer function itself keeps x alive.
	if mc, ok := ssax.Canon(args[1]).(*ssa.MakeClosure); ok {
		for i, b := range mc.Bindings {
			if why, links := c.reaches(fn, b, x, obj); why != "" {
				c.report(ruleFinalizer, call.Pos(), call.Pos(), related(links),
					"runtime.SetFinalizer on %s: the finalizer's %s %s, and a finalizer's function is a GC root, so %s is never unreachable and the finalizer never runs; use a method expression or a function that uses only its argument",
					name, capture(mc, i), why, name)
				return
			}
		}
	}

	// x's type is on a cycle, and the code shows that x itself is: a
	// value that may be x (alias.go) reaches itself. A cycle on some other
	// instance of the type (a test that links a different object to
	// itself) says nothing about x.
	path := c.types().Path(obj, obj)
	if path == nil {
		return
	}
	w, n := c.heap().cycleThrough(c.aliases(x))
	if w == nil {
		return // a chain (such as a list), or a cycle on other instances
	}
	if n.Parent() != fn {
		// Show where the finalized object meets the cycle.
		w = append([]link{{to: n, pos: n.Pos(), what: "the finalized " + name + " is this value"}}, w...)
	}
	c.report(ruleFinalizer, call.Pos(), call.Pos(), related(w),
		"runtime.SetFinalizer on %s, which is on a reference cycle (%s): %s; in practice the cycle and all it holds are never collected and the finalizer never runs; use runtime.AddCleanup with only the underlying handle, make the back-reference a weak.Pointer, or move the finalizer to a leaf object",
		name, path, runtimeCycleQuote)
}

// addCleanup checks runtime.AddCleanup(ptr, cleanup, arg) (R2).
func (c *checker) addCleanup(fn *ssa.Function, call *ssa.Call) {
	args := call.Call.Args
	if len(args) != 3 {
		return
	}
	p := ssax.Canon(args[0])
	ptr, ok := p.Type().Underlying().(*types.Pointer)
	if !ok {
		return
	}
	obj := ptr.Elem()
	name := typegraph.Name(p.Type())
	const fix = "pass only the underlying handle (e.g. the file descriptor) as arg, and a function that uses only arg"

	// The forms the runtime catches with a panic.
	arg := ssax.Canon(args[2])
	switch {
	case arg == p:
		c.report(ruleCleanup, call.Pos(), call.Pos(), nil,
			"runtime.AddCleanup on %s with %s itself as arg: the cleanup could never run, and the runtime panics (\"ptr is equal to arg\"); %s", name, name, fix)
		return
	case pointsInto(arg, p):
		c.report(ruleCleanup, call.Pos(), call.Pos(), nil,
			"runtime.AddCleanup on %s with an arg that points into %s: the cleanup could never run, and the runtime panics (\"ptr is within arg\"); %s", name, name, fix)
		return
	}
	mc, _ := ssax.Canon(args[1]).(*ssa.MakeClosure)
	if mc != nil {
		for i, b := range mc.Bindings {
			if cb := captured(b); cb == p || pointsInto(cb, p) {
				c.report(ruleCleanup, call.Pos(), call.Pos(), nil,
					"runtime.AddCleanup on %s: the cleanup's %s is %s, so the cleanup could never run, and the runtime panics (\"cleanup function closes over ptr\"); %s",
					name, capture(mc, i), name, fix)
				return
			}
		}
	}

	// The silent forms: something the runtime keeps alive reaches ptr.
	if why, links := c.reaches(fn, args[2], p, obj); why != "" {
		c.report(ruleCleanup, call.Pos(), call.Pos(), related(links),
			"runtime.AddCleanup on %s: its arg %s, and the runtime keeps arg alive until the cleanup runs, so %s is never unreachable and the cleanup silently never runs; %s",
			name, why, name, fix)
		return
	}
	if mc != nil {
		for i, b := range mc.Bindings {
			if why, links := c.reaches(fn, b, p, obj); why != "" {
				c.report(ruleCleanup, call.Pos(), call.Pos(), related(links),
					"runtime.AddCleanup on %s: the cleanup's %s %s, and the runtime keeps the cleanup function alive until it runs, so %s is never unreachable and the cleanup silently never runs; %s",
					name, capture(mc, i), why, name, fix)
				return
			}
		}
	}
}

// reaches explains how v (a finalizer's capture, a cleanup's argument)
// keeps x, an object of type obj, alive: "is ptr itself", "reaches ptr
// (Pool.conns[] → Conn)". It returns "" when nothing shows that it does.
//
// The evidence is, in order: v is x or points into it; fn's own reference
// graph links v to x; or v's type can reach obj and some function of the
// package links a value that may be v's object to one that may be x
// (alias.go). When v's type is x's type, the link must come back to the
// very value it starts from, one that may be both, so that a chain of
// nodes is not mistaken for a cycle.
func (c *checker) reaches(fn *ssa.Function, v ssa.Value, x ssa.Value, obj types.Type) (string, []link) {
	v = captured(v)
	name := typegraph.Name(x.Type())
	switch {
	case v == x:
		return "is " + name + " itself", nil
	case pointsInto(v, x):
		return "points into " + name, nil
	}
	if !ssax.MayHoldPointers(v.Type()) {
		return "", nil
	}
	path := c.types().Path(v.Type(), obj)
	if path == nil {
		return "", nil
	}
	if g := c.heap().graph(fn); g != nil {
		if links := g.path(v, func(n ssa.Value) bool { return n == x }); links != nil {
			return "reaches " + name + " (" + path.String() + ")", links
		}
	}
	vs, xs := c.aliases(v), c.aliases(x)
	var w []link
	if sameType(v.Type())(x.Type()) {
		both := make(map[ssa.Value]bool)
		for a := range vs {
			if xs[a] {
				both[a] = true
			}
		}
		w, _ = c.heap().cycleThrough(both)
	} else {
		w = c.heap().between(vs, xs)
	}
	if w != nil {
		return "reaches " + name + " (" + path.String() + ")", w
	}
	return "", nil
}

// captured returns the value a closure binding stands for: go/ssa
// captures variables by reference, through a heap cell, and a cell that is
// assigned once holds that one value (gc even captures it by value).
func captured(b ssa.Value) ssa.Value {
	b = ssax.Canon(b)
	if cell, ok := b.(*ssa.Alloc); ok {
		if v := ssax.OnlyReference(cell); v != nil {
			return ssax.Canon(v)
		}
	}
	return b
}

// pointsInto reports whether v is the address of a field or element of x.
func pointsInto(v, x ssa.Value) bool {
	switch v.(type) {
	case *ssa.FieldAddr, *ssa.IndexAddr:
		return ssax.Canon(ssax.AddrRoot(v)) == x
	}
	return false
}

// capture names binding i of a closure: "captured variable c", or
// "receiver (method value closeFD)" for a bound method value.
func capture(mc *ssa.MakeClosure, i int) string {
	fn := mc.Fn.(*ssa.Function)
	if strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		return "receiver (method value " + strings.TrimSuffix(fn.Name(), "$bound") + ")"
	}
	if i < len(fn.FreeVars) {
		return "captured variable " + fn.FreeVars[i].Name()
	}
	return "captured value"
}

// recordDynamic tells the type graph which concrete types the package
// stores in interface- and func-typed fields (directly, or as elements of
// slices and maps held in them).
func recordDynamic(g *typegraph.Graph, funcs []*ssa.Function) {
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var addr, val ssa.Value
				switch in := instr.(type) {
				case *ssa.Store:
					addr, val = in.Addr, in.Val
				case *ssa.MapUpdate:
					if ld, ok := in.Map.(*ssa.UnOp); ok {
						addr, val = ld.X, in.Value
						recordField(g, addr, in.Key)
					}
				}
				if addr != nil {
					recordField(g, addr, val)
				}
			}
		}
	}
}

func recordField(g *typegraph.Graph, addr, val ssa.Value) {
	fa := fieldAddrOf(addr)
	if fa == nil {
		return
	}
	f := ssax.Field(fa.X.Type(), fa.Field)
	if f == nil || !typegraph.HoldsDynamic(f.Type()) {
		return
	}
	for _, t := range concreteTypes(val, 0) {
		g.AddDynamic(f, t)
	}
}

// fieldAddrOf returns the field an address is in (&x.f, &x.f[i], or
// &(*x.f)[i] for a slice field), or nil.
func fieldAddrOf(addr ssa.Value) *ssa.FieldAddr {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			return a
		case *ssa.IndexAddr:
			addr = a.X
			if ld, ok := addr.(*ssa.UnOp); ok {
				addr = ld.X
			}
		default:
			return nil
		}
	}
}

// concreteTypes returns the concrete types of the objects v may refer to
// through an interface or func value: the dynamic type of an interface,
// the types a closure captures, the elements an append adds.
func concreteTypes(v ssa.Value, depth int) []types.Type {
	if depth > 6 {
		return nil
	}
	v = ssax.Canon(v)
	switch x := v.(type) {
	case *ssa.MakeClosure:
		var out []types.Type
		for _, b := range x.Bindings {
			out = append(out, concreteTypes(captured(b), depth+1)...)
		}
		return out
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			return concreteTypes(x.Call.Args[1], depth+1)
		}
	case *ssa.Alloc:
		if _, ok := ssax.Deref(x.Type()).Underlying().(*types.Array); !ok {
			break // a new object: its own type
		}
		// The backing array of an append's variadic slice.
		var out []types.Type
		for _, ref := range *x.Referrers() {
			if ia, ok := ref.(*ssa.IndexAddr); ok {
				for _, r := range *ia.Referrers() {
					if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
						out = append(out, concreteTypes(st.Val, depth+1)...)
					}
				}
			}
		}
		return out
	case *ssa.Phi:
		var out []types.Type
		for _, e := range x.Edges {
			out = append(out, concreteTypes(e, depth+1)...)
		}
		return out
	case *ssa.Const, *ssa.Function:
		return nil
	}
	switch v.Type().Underlying().(type) {
	case *types.Interface, *types.Signature:
		return nil
	}
	return []types.Type{v.Type()}
}
