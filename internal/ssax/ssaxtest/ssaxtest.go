// Package ssaxtest type-checks a source string and builds its SSA, for the
// unit tests of the SSA and type machinery.
package ssaxtest

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// Check type-checks src (one file of package p; imports from export data),
// failing the test on any error.
func Check(t testing.TB, src string) *types.Package {
	t.Helper()
	fset, f := parse(t, src)
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// Build type-checks src (one file of package p; imports from export data)
// and builds its SSA, failing the test on any error.
func Build(t testing.TB, src string) *ssa.Package {
	t.Helper()
	fset, f := parse(t, src)
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", ""), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// parse parses src as the file p.go.
func parse(t testing.TB, src string) (*token.FileSet, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f
}
