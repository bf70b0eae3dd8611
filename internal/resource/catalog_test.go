package resource

import (
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/packages"
)

// TestCatalogsValid checks each built-in catalogue's rows against each
// other (see Catalog.Validate) and that no key is defined twice across
// catalogues.
func TestCatalogsValid(t *testing.T) {
	seen := map[string]string{}
	for _, c := range builtin {
		if err := c.Validate(func(k string) bool { return ByType(k) != nil }); err != nil {
			t.Errorf("%s:\n%v", c.Library, err)
		}
		for _, f := range c.Families {
			if prev, ok := seen[f.Key]; ok {
				t.Errorf("family %s in both %s and %s", f.Key, prev, c.Library)
			}
			seen[f.Key] = c.Library
		}
		for fn := range c.Acquirers {
			if prev, ok := seen[fn]; ok {
				t.Errorf("acquirer %s in both %s and %s", fn, prev, c.Library)
			}
			seen[fn] = c.Library
		}
		if c.Tests == "" {
			t.Errorf("%s: no test file", c.Library)
		} else if _, err := os.Stat(filepath.Join("..", "..", c.Tests)); err != nil {
			t.Errorf("%s: %v", c.Library, err)
		}
	}
}

// TestCatalogsMatchStubs type-checks the packages every built-in row names
// (the standard library, and the stubs under testdata/src copied from the
// real modules) and checks that each row describes real API: every
// acquirer exists and its first non-error result is of its family's type;
// every release, after-release, released-when-false and released-on-error
// method exists on that type (or on its ReleaseField); every releaser
// exists and has the argument it releases; a receiver tie's acquirer is a
// method of a resource.
func TestCatalogsMatchStubs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	pkgs := catalogPackages(t)
	for _, c := range builtin {
		for _, f := range c.Families {
			T := lookupType(pkgs, f.Key)
			if T == nil {
				t.Errorf("%s: family %s: no such type", c.Library, f.Key)
				continue
			}
			on := T
			if f.ReleaseField != "" {
				fld, _, _ := types.LookupFieldOrMethod(T, true, nil, f.ReleaseField)
				v, ok := fld.(*types.Var)
				if !ok || !v.IsField() {
					t.Errorf("%s: family %s: no field %s", c.Library, f.Key, f.ReleaseField)
					continue
				}
				on = v.Type()
			}
			// The methods of a family whose embedders are resources too
			// may be those of an interface of its package that embeds it
			// (Recv of grpc.ServerStreamingClient).
			onAny := []types.Type{on}
			if f.Embedders {
				onAny = append(onAny, embeddersOf(T)...)
			}
			has := func(m string) bool {
				return slices.ContainsFunc(onAny, func(t types.Type) bool { return hasMethod(t, m) })
			}
			for _, ms := range [][]string{f.Release, f.ReleasedWhenFalse, f.ReleasedOnError} {
				for _, m := range ms {
					if !has(m) {
						t.Errorf("%s: family %s: no method %s", c.Library, f.Key, m)
					}
				}
			}
			for _, m := range f.AfterRelease {
				if !has(m) {
					t.Errorf("%s: family %s: no after-release method %s", c.Library, f.Key, m)
				}
			}
		}
		for fn, fam := range c.Acquirers {
			obj := lookupFunc(pkgs, fn)
			if obj == nil {
				t.Errorf("%s: acquirer %s: no such function", c.Library, fn)
				continue
			}
			sig := obj.Signature()
			res := sig.Results()
			i := 0
			for i < res.Len() && res.At(i).Type().String() == "error" {
				i++
			}
			if i == res.Len() {
				t.Errorf("%s: acquirer %s: no non-error result", c.Library, fn)
				continue
			}
			if got := typeKey(res.At(i).Type()); got != fam {
				t.Errorf("%s: acquirer %s returns %s, not family %s", c.Library, fn, got, fam)
			}
			if tie := c.Ties[fn]; tie.Receiver && (sig.Recv() == nil || ByType(typeKey(sig.Recv().Type())) == nil) {
				t.Errorf("%s: tie %s: receiver is no resource", c.Library, fn)
			}
			if tie := c.Ties[fn]; tie.Context && !hasContextParam(sig) {
				t.Errorf("%s: tie %s: takes no context", c.Library, fn)
			}
		}
		for _, fn := range c.NotAcquirers {
			if lookupFunc(pkgs, fn) == nil {
				t.Errorf("%s: not-acquirer %s: no such function", c.Library, fn)
			}
		}
		for fn, i := range c.Releasers {
			obj := lookupFunc(pkgs, fn)
			if obj == nil {
				t.Errorf("%s: releaser %s: no such function", c.Library, fn)
				continue
			}
			n := obj.Signature().Params().Len()
			if obj.Signature().Recv() != nil {
				n++
			}
			if i >= n {
				t.Errorf("%s: releaser %s: no argument %d", c.Library, fn, i)
			}
		}
		for fn, i := range c.Lenders {
			obj := lookupFunc(pkgs, fn)
			if obj == nil {
				t.Errorf("%s: lender %s: no such function", c.Library, fn)
				continue
			}
			sig := obj.Signature()
			if sig.Recv() != nil {
				i-- // the receiver is argument 0
			}
			if i < 0 || i >= sig.Params().Len() {
				t.Errorf("%s: lender %s: no argument %d", c.Library, fn, c.Lenders[fn])
				continue
			}
			if cb, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); !ok || cb.Params().Len() == 0 {
				t.Errorf("%s: lender %s: argument %d is no callback with a parameter", c.Library, fn, c.Lenders[fn])
			}
		}
	}
}

// loadCatalogPackages loads every package a built-in key names, from GOROOT
// and the GOPATH tree testdata (as analysistest does).
func loadCatalogPackages(t *testing.T) map[string]*types.Package {
	t.Helper()
	var paths []string
	add := func(key string) {
		p := pkgOfKey(key)
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	for _, c := range builtin {
		for _, f := range c.Families {
			add(f.Key)
		}
		for fn := range c.Acquirers {
			add(fn)
		}
		for fn := range c.Releasers {
			add(fn)
		}
		for fn := range c.Lenders {
			add(fn)
		}
		for _, fn := range c.NotAcquirers {
			add(fn)
		}
	}
	gopath, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOTOOLCHAIN=local"),
		Dir:  gopath,
	}
	loaded, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]*types.Package)
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		if p.Types != nil {
			out[p.PkgPath] = p.Types
		}
	})
	return out
}

// pkgOfKey returns the package path of a type or function key: the path
// up to the first "." after the last "/" that starts an exported name
// (table keys name exported API), e.g. database/sql for
// "database/sql.DB.Conn", github.com/nats-io/nats.go for
// "github.com/nats-io/nats.go.Conn.Close".
func pkgOfKey(key string) string {
	slash := strings.LastIndex(key, "/") + 1
	for i := slash; i < len(key)-1; i++ {
		if key[i] == '.' && unicode.IsUpper(rune(key[i+1])) {
			return key[:i]
		}
	}
	return key
}

func splitKey(key string) (pkg string, names []string) {
	pkg = pkgOfKey(key)
	return pkg, strings.Split(key[len(pkg)+1:], ".")
}

func lookupType(pkgs map[string]*types.Package, key string) types.Type {
	pkg, names := splitKey(key)
	p := pkgs[pkg]
	if p == nil || len(names) != 1 {
		return nil
	}
	tn, ok := p.Scope().Lookup(names[0]).(*types.TypeName)
	if !ok {
		return nil
	}
	if types.IsInterface(tn.Type()) {
		return tn.Type()
	}
	return types.NewPointer(tn.Type())
}

func lookupFunc(pkgs map[string]*types.Package, key string) *types.Func {
	pkg, names := splitKey(key)
	p := pkgs[pkg]
	if p == nil {
		return nil
	}
	switch len(names) {
	case 1:
		fn, _ := p.Scope().Lookup(names[0]).(*types.Func)
		return fn
	case 2:
		T := lookupType(pkgs, pkg+"."+names[0])
		if T == nil {
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(T, true, nil, names[1])
		fn, _ := obj.(*types.Func)
		return fn
	}
	return nil
}

func hasMethod(T types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(T, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

func hasContextParam(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if sig.Params().At(i).Type().String() == "context.Context" {
			return true
		}
	}
	return false
}

// typeKey is ssax.TypeKey, which this package cannot import (ssax imports
// nothing of ours, but keeping resource free of SSA keeps it light).
func typeKey(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// embeddersOf returns the interface types of T's package that embed T.
func embeddersOf(T types.Type) []types.Type {
	named, ok := T.(*types.Named)
	if !ok {
		return nil
	}
	var out []types.Type
	scope := named.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.Type() == T {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for e := range iface.EmbeddedTypes() {
			if types.Identical(e, T) {
				out = append(out, tn.Type())
			}
		}
	}
	return out
}
