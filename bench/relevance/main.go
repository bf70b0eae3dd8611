// Command relevance measures what a types-only relevance test could save a
// cold run: for every package in the import graph of the patterns, it asks
// whether any exported function or method signature (receiver, parameters,
// results) has a type that could carry a resource (docs/performance.md,
// "Cold runs"). A dependency that fails the test could skip SSA and
// summaries; it prints how many packages and how much of their source
// (bytes of compiled Go files) each side holds.
//
//	go run ./bench/relevance database/sql
//	go run ./bench/relevance -v database/sql net/http
//
// The test is the parameter prescreen's (ownership.mayCarry) without the
// families read from facts and directives: a built-in family type, a type
// with a release-named method, an interface other than error and
// context.Context, a function, a type parameter or an unsafe.Pointer,
// reached through fields, elements and pointers.
package main

import (
	"flag"
	"fmt"
	"go/types"
	"log"
	"os"
	"sort"

	"golang.org/x/tools/go/packages"

	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

func main() {
	verbose := flag.Bool("v", false, "list the packages on each side")
	flag.Parse()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedDeps | packages.NeedImports | packages.NeedCompiledGoFiles}
	roots, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		log.Fatal(err)
	}
	if packages.PrintErrors(roots) > 0 {
		os.Exit(1)
	}
	c := carriers{index: resource.Builtins(), memo: make(map[types.Type]bool)}
	var sides [2]struct {
		names []string
		bytes int64
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		side := &sides[0]
		if c.relevant(p.Types) {
			side = &sides[1]
		}
		side.names = append(side.names, p.PkgPath)
		for _, f := range p.CompiledGoFiles {
			if st, err := os.Stat(f); err == nil {
				side.bytes += st.Size()
			}
		}
	})
	total := sides[0].bytes + sides[1].bytes
	for i, label := range []string{"irrelevant (could skip SSA)", "relevant"} {
		s := sides[i]
		fmt.Printf("%-28s %4d packages, %9d bytes of source (%.0f%%)\n", label, len(s.names), s.bytes, 100*float64(s.bytes)/float64(max(total, 1)))
		if *verbose {
			sort.Strings(s.names)
			fmt.Println("  ", s.names)
		}
	}
}

type carriers struct {
	index *resource.Index
	memo  map[types.Type]bool
}

func (c *carriers) relevant(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if c.signature(obj.Signature()) {
				return true
			}
		case *types.TypeName:
			if named, ok := obj.Type().(*types.Named); ok {
				for i := range named.NumMethods() {
					if c.signature(named.Method(i).Signature()) {
						return true
					}
				}
			}
		}
	}
	return false
}

func (c *carriers) signature(sig *types.Signature) bool {
	if r := sig.Recv(); r != nil && c.carries(r.Type()) {
		return true
	}
	return c.carries(sig.Params()) || c.carries(sig.Results())
}

func (c *carriers) carries(t types.Type) bool {
	return ssax.Reaches(t, c.decide, c.memo)
}

func (c *carriers) decide(t types.Type) (accept, decided bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false, false
	}
	switch key := ssax.TypeKey(named); {
	case key == "error" || key == "context.Context":
		return false, true
	case c.index.ByType(key) != nil:
		return true, true
	}
	for i := range named.NumMethods() {
		if resource.IsReleaseName(named.Method(i).Name()) {
			return true, true
		}
	}
	return false, false
}
