package ownership

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/connlint/connlint/internal/directive"
	"github.com/connlint/connlint/internal/ssax"
)

// A Problem is a malformed or misplaced directive.
type Problem struct {
	Pos     token.Pos
	Message string
}

// LoadDirectives turns the package's //connlint:release, afterrelease and
// acquire annotations into facts (so that they hold in every importing
// package too) and returns the directives that make no sense.
func (env *Env) LoadDirectives(files []*ast.File) []Problem {
	var problems []Problem
	placed := make(map[token.Pos]bool)
	type annotated struct {
		obj *types.Func
		d   directive.Directive
	}
	var acquires []annotated

	visit := func(doc *ast.CommentGroup, name *ast.Ident) {
		obj, _ := env.pass.TypesInfo.Defs[name].(*types.Func)
		for _, d := range directive.InGroup(doc) {
			placed[d.Pos] = true
			if obj == nil {
				continue
			}
			isMethod := obj.Signature().Recv() != nil
			switch d.Verb {
			case directive.Release, directive.AfterRelease:
				if !isMethod {
					problems = append(problems, Problem{d.Pos, fmt.Sprintf("//connlint:%s must annotate a method, and %s is a function", d.Verb, obj.Name())})
					continue
				}
				if d.Verb == directive.Release {
					idempotent, ok := releaseArg(d)
					if !ok {
						problems = append(problems, Problem{d.Pos, fmt.Sprintf("//connlint:release takes no argument or %q, not %q", directive.Idempotent, d.Arg)})
						continue
					}
					env.pass.ExportObjectFact(obj, &ReleaseFact{Idempotent: idempotent})
				} else {
					env.pass.ExportObjectFact(obj, new(AfterReleaseFact))
				}
			case directive.Acquire:
				acquires = append(acquires, annotated{obj, d})
			}
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				visit(decl.Doc, decl.Name)
			case *ast.GenDecl:
				// Methods of interface types carry directives too.
				ast.Inspect(decl, func(n ast.Node) bool {
					if it, ok := n.(*ast.InterfaceType); ok {
						for _, m := range it.Methods.List {
							if len(m.Names) == 1 {
								visit(m.Doc, m.Names[0])
							}
						}
					}
					return true
				})
			}
		}
	}
	// Acquire last: its family is read from the release facts above.
	for _, a := range acquires {
		if p, ok := env.loadAcquire(a.obj, a.d); !ok {
			problems = append(problems, p)
		}
	}
	for _, f := range files {
		for _, d := range directive.InFile(f) {
			problems = append(problems, checkPlacement(d, placed[d.Pos])...)
		}
	}
	return problems
}

func (env *Env) loadAcquire(fn *types.Func, d directive.Directive) (Problem, bool) {
	sig := fn.Signature()
	res := firstNonError(sig)
	if sig.Results().Len() == 0 || ssax.IsErrorType(sig.Results().At(res).Type()) {
		return Problem{d.Pos, fmt.Sprintf("//connlint:acquire on %s, which returns no resource", fn.Name())}, false
	}
	t := sig.Results().At(res).Type()
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		return Problem{d.Pos, fmt.Sprintf("//connlint:acquire on %s: its result %s is neither a pointer nor an interface", fn.Name(), displayName(t))}, false
	}
	fam := env.familyOfType(t)
	if fam == nil {
		return Problem{d.Pos, fmt.Sprintf("//connlint:acquire on %s: %s has no method marked //connlint:release", fn.Name(), displayName(t))}, false
	}
	env.pass.ExportObjectFact(fn, &AcquireFact{Result: res, Family: *fam})
	return Problem{}, true
}

// releaseArg reads the optional argument of //connlint:release.
func releaseArg(d directive.Directive) (idempotent, ok bool) {
	switch d.Arg {
	case "":
		return false, true
	case directive.Idempotent:
		return true, true
	}
	return false, false
}

func checkPlacement(d directive.Directive, inDoc bool) []Problem {
	switch {
	case !d.Known():
		return []Problem{{d.Pos, fmt.Sprintf("unknown directive //connlint:%s (known: acquire, release, afterrelease, ignore)", d.Verb)}}
	case d.Verb == directive.Ignore && d.Arg == "":
		return []Problem{{d.Pos, "//connlint:ignore needs a reason: //connlint:ignore <why this is not a leak>"}}
	case d.Verb != directive.Ignore && !inDoc:
		return []Problem{{d.Pos, fmt.Sprintf("//connlint:%s must be in the doc comment of a function or method", d.Verb)}}
	}
	return nil
}
