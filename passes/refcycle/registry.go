package refcycle

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
	"github.com/connlint/connlint/internal/typegraph"
)

// R4 (opt-in): a registry without removal.
//
// A registration stores a *C into a map or slice field of another type
// (p.conns = append(p.conns, c), p.all[c] = true) where C is declared in
// the package and has release methods: methods marked //connlint:release,
// or named Close, Release, Recycle or Discard. It is reported when nothing
// reachable from any of them, through the package's static calls, removes
// anything from that field: delete or clear on it, a store into it (a
// filtered or shortened slice, nil) or into one of its elements, or a call
// that is passed its contents.
//
// Approximations: "long-lived" means only that the registry object was not
// allocated in the registering function; calls through interfaces and func
// values are not followed (a removal made there is missed, and reported);
// a type without release methods is not checked at all.

type registration struct {
	instr ssa.Instruction
	field *types.Var
	owner types.Type
	elem  *types.Named
}

func (c *checker) registries() {
	var regs []registration
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if r, ok := c.registrationOf(fn, instr); ok {
					regs = append(regs, r)
				}
			}
		}
	}
	reported := make(map[*types.Var]bool)
	for _, r := range regs {
		if reported[r.field] {
			continue
		}
		release := c.releaseMethods(r.elem)
		if len(release) == 0 || c.removes(release, r.field) {
			continue
		}
		reported[r.field] = true
		var names []string
		for _, fn := range release {
			names = append(names, "("+typegraph.Name(fn.Signature.Recv().Type())+")."+fn.Name())
		}
		field := typegraph.Name(r.owner) + "." + r.field.Name()
		c.report(ruleRegistry, r.instr.Pos(), r.instr.Pos(), nil,
			"%s receives *%s values here, but no removal from %s is reachable from %s: every %s ever added stays reachable for as long as the %s, released or not; remove it in %s (delete from the map, slices.Delete from the slice) or hold it through a weak.Pointer",
			field, r.elem.Obj().Name(), field, strings.Join(names, " or "), r.elem.Obj().Name(), typegraph.Name(r.owner), names[0])
	}
}

// registrationOf recognises p.f = append(p.f, ...) and p.f[k] = v where the
// field's elements (or keys) are *C, for a C declared in the package.
func (c *checker) registrationOf(fn *ssa.Function, instr ssa.Instruction) (registration, bool) {
	var fa *ssa.FieldAddr
	var elems []types.Type
	switch in := instr.(type) {
	case *ssa.Store:
		a, ok := in.Addr.(*ssa.FieldAddr)
		if !ok || !isAppendTo(in.Val, a) {
			return registration{}, false
		}
		if s, ok := in.Val.Type().Underlying().(*types.Slice); ok {
			fa, elems = a, []types.Type{s.Elem()}
		}
	case *ssa.MapUpdate:
		ld, ok := in.Map.(*ssa.UnOp)
		if !ok {
			return registration{}, false
		}
		a, ok1 := ld.X.(*ssa.FieldAddr)
		m, ok2 := in.Map.Type().Underlying().(*types.Map)
		if ok1 && ok2 {
			fa, elems = a, []types.Type{m.Key(), m.Elem()}
		}
	}
	if fa == nil {
		return registration{}, false
	}
	if _, fresh := ssax.Canon(fa.X).(*ssa.Alloc); fresh {
		return registration{}, false // a local object, not a long-lived registry
	}
	field := ssax.Field(fa.X.Type(), fa.Field)
	if field == nil {
		return registration{}, false
	}
	owner := ssax.Deref(fa.X.Type())
	if ssax.NamedOf(owner) == nil {
		return registration{}, false // a struct without a name is part of something else
	}
	for _, e := range elems {
		p, ok := e.Underlying().(*types.Pointer)
		if !ok {
			continue
		}
		n := ssax.NamedOf(p)
		if n == nil || n.Obj().Pkg() != c.pass.Pkg || typegraph.Same(n, owner) {
			continue
		}
		return registration{instr: instr, field: field.Origin(), owner: owner, elem: n}, true
	}
	return registration{}, false
}

// isAppendTo reports whether v is append(p.f, ...) for the field at fa.
func isAppendTo(v ssa.Value, fa *ssa.FieldAddr) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "append" && isLoadOf(call.Call.Args[0], fa)
}

// releaseMethods returns the package's release methods of named type n.
func (c *checker) releaseMethods(n *types.Named) []*ssa.Function {
	var out []*ssa.Function
	for _, fn := range c.funcs {
		recv := fn.Signature.Recv()
		if recv == nil || ssax.NamedOf(recv.Type()) != n.Origin() {
			continue
		}
		if resource.IsDisposeName(fn.Name()) || c.facts.IsReleaseMethod(ssax.FuncObject(fn)) {
			out = append(out, fn)
		}
	}
	return out
}

// removes reports whether any function reachable from roots through static
// calls (and the closures they create) removes something from field.
func (c *checker) removes(roots []*ssa.Function, field *types.Var) bool {
	seen := make(map[*ssa.Function]bool)
	stack := slices.Clone(roots)
	for len(stack) > 0 {
		fn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[fn] || fn.Blocks == nil {
			continue
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if removesFrom(instr, field) {
					return true
				}
				switch in := instr.(type) {
				case ssa.CallInstruction:
					if callee := in.Common().StaticCallee(); callee != nil {
						callee = ssax.Origin(callee)
						if callee.Pkg == fn.Pkg {
							stack = append(stack, callee)
						}
					}
				case *ssa.MakeClosure:
					stack = append(stack, in.Fn.(*ssa.Function))
				}
			}
		}
	}
	return false
}

// removesFrom reports whether instr may remove an element from field.
func removesFrom(instr ssa.Instruction, field *types.Var) bool {
	isField := func(addr ssa.Value) bool {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		f := ssax.Field(fa.X.Type(), fa.Field)
		return f != nil && f.Origin() == field
	}
	loadsField := func(v ssa.Value) bool {
		ld, ok := ssax.Canon(v).(*ssa.UnOp)
		return ok && isField(ld.X)
	}
	switch in := instr.(type) {
	case *ssa.Store:
		if isField(in.Addr) {
			if call, ok := in.Val.(*ssa.Call); ok {
				if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && loadsField(call.Call.Args[0]) {
					return false // another registration
				}
			}
			return true
		}
		if ia, ok := in.Addr.(*ssa.IndexAddr); ok && loadsField(ia.X) {
			return true
		}
	case ssa.CallInstruction:
		common := in.Common()
		if b, ok := common.Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "delete", "clear":
				return loadsField(common.Args[0])
			}
			return false
		}
		return slices.ContainsFunc(common.Args, loadsField)
	}
	return false
}
