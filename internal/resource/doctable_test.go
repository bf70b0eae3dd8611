package resource

import (
	"flag"
	"fmt"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated families tables in the docs")

// The docs that carry the families table, generated from the built-in
// catalogues, and how each refers to the repository root.
var docTables = []struct {
	file   string // relative to the repository root
	toRoot string // link prefix from the file to the root
	gen    func(cats []Catalog, pkgs map[string]*types.Package, toRoot string) string
	begin  string
	end    string
}{
	{"README.md", "", markdownTable, mdBegin, mdEnd},
	{"docs/reservedclose.md", "../", markdownTable, mdBegin, mdEnd},
	{"passes/reservedclose/doc.go", "", docComment, docBegin, docEnd},
}

const (
	mdBegin  = "<!-- families: generated from internal/resource by `go test ./internal/resource -run TestDocTables -update`; do not edit -->\n"
	mdEnd    = "<!-- end of families -->\n"
	docBegin = "// Built-in families (resource: release methods), generated from internal/resource:\n//\n"
	docEnd   = "//\n"
)

// TestDocTables checks that the families tables in the docs are the ones
// the built-in catalogues generate; -update rewrites them.
func TestDocTables(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	pkgs := catalogPackages(t)
	for _, d := range docTables {
		path := filepath.Join("..", "..", d.file)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		i := strings.Index(text, d.begin)
		if i < 0 {
			t.Errorf("%s: no line %q", d.file, strings.TrimSpace(d.begin))
			continue
		}
		i += len(d.begin)
		j := strings.Index(text[i:], d.end)
		if j < 0 {
			t.Errorf("%s: no end of the families table (%q)", d.file, strings.TrimSpace(d.end))
			continue
		}
		want := d.gen(builtin, pkgs, d.toRoot)
		if got := text[i : i+j]; got != want {
			if *update {
				if err := os.WriteFile(path, []byte(text[:i]+want+text[i+j:]), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			t.Errorf("%s: the families table is stale; run go test ./internal/resource -run TestDocTables -update\n--- want\n%s", d.file, want)
		}
	}
}

var (
	pkgsOnce   sync.Once
	loadedPkgs map[string]*types.Package
)

// catalogPackages loads the packages the catalogues name once per test
// binary.
func catalogPackages(t *testing.T) map[string]*types.Package {
	pkgsOnce.Do(func() { loadedPkgs = loadCatalogPackages(t) })
	return loadedPkgs
}

// markdownTable renders one row per family: the library (linked to its
// cases), the resource, the calls that acquire it, what releases it.
func markdownTable(cats []Catalog, pkgs map[string]*types.Package, toRoot string) string {
	var b strings.Builder
	b.WriteString("| Library | Resource | Acquired by | Released by |\n|---|---|---|---|\n")
	for _, c := range cats {
		lib := fmt.Sprintf("[`%s`](%s%s)", c.Library, toRoot, c.Tests)
		for _, f := range c.Families {
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", lib, f.Display, codeList(acquirerNames(c, f.Key, pkgs)), releasedBy(c, f, pkgs))
			lib = ""
		}
	}
	return b.String()
}

// docComment renders the table for the analyzer's doc comment: one line per
// library.
func docComment(cats []Catalog, _ map[string]*types.Package, _ string) string {
	var b strings.Builder
	for _, c := range cats {
		var fams []string
		for _, f := range c.Families {
			rel := strings.Join(f.Release, ", ")
			if f.ReleaseField != "" {
				rel = f.ReleaseField + "." + rel
			}
			if f.Hint != "" {
				rel = f.Hint
			}
			fams = append(fams, fmt.Sprintf("%s (%s)", f.Display, rel))
		}
		fmt.Fprintf(&b, "//\t%s: %s\n", c.Library, strings.Join(fams, "; "))
	}
	return b.String()
}

// acquirerNames writes the acquirers of a family as their users call them:
// pkg.Func, (*pkg.T).Method, or pkg.I.Method for an interface or value
// receiver.
func acquirerNames(c Catalog, fam string, pkgs map[string]*types.Package) []string {
	var out []string
	for _, fn := range slices.Sorted(maps.Keys(c.Acquirers)) {
		if c.Acquirers[fn] == fam {
			out = append(out, funcName(fn, pkgs))
		}
	}
	return out
}

func funcName(key string, pkgs map[string]*types.Package) string {
	obj := lookupFunc(pkgs, key)
	if obj == nil {
		return key // TestCatalogsMatchStubs reports it
	}
	qual := func(p *types.Package) string { return p.Name() }
	recv := obj.Signature().Recv()
	if recv == nil {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		return "(*" + types.TypeString(types.Unalias(p.Elem()), qual) + ")." + obj.Name()
	}
	return types.TypeString(t, qual) + "." + obj.Name()
}

// releasedBy lists what releases a family's resource: its release methods,
// the methods whose result says it released itself, the releasers that
// take it, and the ties of its acquirers.
func releasedBy(c Catalog, f Family, pkgs map[string]*types.Package) string {
	rel := f.Release
	if f.ReleaseField != "" {
		rel = nil
		for _, m := range f.Release {
			rel = append(rel, f.ReleaseField+"."+m)
		}
	}
	parts := []string{codeList(rel)}
	if len(f.ReleasedWhenFalse) > 0 {
		parts = append(parts, codeList(f.ReleasedWhenFalse)+" returning false")
	}
	if len(f.ReleasedOnError) > 0 {
		parts = append(parts, codeList(f.ReleasedOnError)+" failing")
	}
	var releasers []string
	for _, fn := range slices.Sorted(maps.Keys(c.Releasers)) {
		if obj := lookupFunc(pkgs, fn); obj != nil && releasesFamily(obj, c.Releasers[fn], f.Key) {
			releasers = append(releasers, funcName(fn, pkgs))
		}
	}
	if len(releasers) > 0 {
		parts = append(parts, codeList(releasers))
	}
	var ctxTied, recvTied []string
	for _, fn := range slices.Sorted(maps.Keys(c.Ties)) {
		if c.Acquirers[fn] != f.Key {
			continue
		}
		name := funcName(fn, pkgs)
		if c.Ties[fn].Context {
			ctxTied = append(ctxTied, name)
		}
		if c.Ties[fn].Receiver {
			recvTied = append(recvTied, name)
		}
	}
	if len(ctxTied) > 0 {
		parts = append(parts, "canceling the context of "+codeList(ctxTied))
	}
	if len(recvTied) > 0 {
		parts = append(parts, "releasing the receiver of "+codeList(recvTied))
	}
	if f.ContextScoped {
		parts = append(parts, "canceling the context of any acquisition (one the acquiring function was given is its caller's to cancel)")
	}
	if f.Embedders {
		parts = append(parts, "any interface embedding `"+f.Display+"` is one")
	}
	if n := c.Notes[f.Key]; n != "" {
		parts = append(parts, n)
	}
	return strings.Join(parts, "; ")
}

// releasesFamily reports whether argument i of fn (receiver first) is of
// the family's type.
func releasesFamily(fn *types.Func, i int, fam string) bool {
	sig := fn.Signature()
	if sig.Recv() != nil {
		if i == 0 {
			return typeKey(sig.Recv().Type()) == fam
		}
		i--
	}
	if i >= sig.Params().Len() {
		return false
	}
	return typeKey(sig.Params().At(i).Type()) == fam
}

func codeList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "`" + n + "`"
	}
	return strings.Join(quoted, ", ")
}
