package resource

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A Catalog is a set of families and the calls that acquire them: the
// built-in knowledge of one library, or the contents of a families file.
// Functions and methods are named by ssax.FuncKey ("pkgpath.Func", or
// "pkgpath.Recv.Method" with the pointer and type arguments dropped), types
// by ssax.TypeKey ("pkgpath.Type").
type Catalog struct {
	// Library names what the catalogue covers, for the docs: a module
	// path, or a standard package.
	Library string
	// Tests is the file of analysistest cases that pins the catalogue
	// down, relative to the repository root (built-in catalogues only).
	Tests string

	Families []Family
	// Acquirers maps an acquiring function to the key of the family of its
	// first non-error result.
	Acquirers map[string]string
	// Ties maps an acquiring function to the releases the library performs
	// on the resource's behalf.
	Ties map[string]Tie
	// Releasers maps a function that releases one of its arguments on
	// every path to that argument's index (receiver first). Summaries
	// computed from source find these too; the table keeps them known
	// where a library is not analysed.
	Releasers map[string]int
	// Lenders maps a function that lends a value to a callback for the
	// duration of the call (database/sql's Conn.Raw, pgxpool's
	// AcquireFunc) to the index of that callback among its arguments,
	// receiver first. The lent value is the callback's first parameter;
	// it must not outlive the callback.
	Lenders map[string]int
	// NotAcquirers return a family's resource that needs no release,
	// though their bodies acquire it or their result type (an interface
	// method's) would make them acquisitions.
	NotAcquirers []string
	// Notes says, per family key, what the docs add to the generated row.
	Notes map[string]string
}

// A Tie is a release the library performs on its own: besides its release
// methods, the resource is released when the context passed to the
// acquisition is canceled (Context), when the receiver it was acquired
// from is released (Receiver), or by whatever releases that receiver on
// the library's side, though not by the receiver's own release
// (ReceiverTies: the Rows of a Stmt prepared on a Tx close when the Tx
// ends, not when the Stmt is closed). Ties are transitive: what releases a
// receiver the resource is tied to releases the resource too.
type Tie struct {
	Context, Receiver, ReceiverTies bool
}

// Builtin returns the built-in catalogues, one per library, in the order
// the docs list them. The result is a copy: the tables stay read-only.
func Builtin() []Catalog {
	out := make([]Catalog, len(builtin))
	for i, c := range builtin {
		c.Families = slices.Clone(c.Families)
		c.Acquirers = maps.Clone(c.Acquirers)
		c.Ties = maps.Clone(c.Ties)
		c.Releasers = maps.Clone(c.Releasers)
		c.Lenders = maps.Clone(c.Lenders)
		c.NotAcquirers = slices.Clone(c.NotAcquirers)
		c.Notes = maps.Clone(c.Notes)
		out[i] = c
	}
	return out
}

// Validate reports a catalogue whose rows cannot work together: a family
// without key or release method, a key given twice, an acquirer naming no
// family (of this catalogue or of known, the families defined elsewhere),
// a tie or releaser of a function that is not an acquirer, a defer fix
// that calls no release method. Errors are sorted, one per line.
func (c *Catalog) Validate(known func(familyKey string) bool) error {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	keys := make(map[string]bool, len(c.Families))
	for _, f := range c.Families {
		switch {
		case f.Key == "" || !strings.Contains(f.Key, "."):
			bad("family %q: key must be pkgpath.Type", f.Key)
		case keys[f.Key]:
			bad("family %s: defined twice", f.Key)
		}
		keys[f.Key] = true
		switch {
		case len(f.Release) == 0 && !f.ContextScoped:
			bad("family %s: no release method", f.Key)
		case len(f.Release) == 0 && f.Hint == "":
			bad("family %s: no release method: a hint must say how to end it", f.Key)
		}
		if f.DeferFix != "" {
			name, _, _ := strings.Cut(f.DeferFix, "(")
			if !slices.Contains(f.Release, name) || !strings.HasSuffix(f.DeferFix, ")") {
				bad("family %s: defer fix %q must call a release method, e.g. %s()", f.Key, f.DeferFix, cmp.Or(f.Release...))
			}
		}
		for _, m := range f.AfterRelease {
			if slices.Contains(f.Release, m) {
				bad("family %s: %s is both a release and an after-release method (use release_twice_safe)", f.Key, m)
			}
		}
	}
	for fn, fam := range c.Acquirers {
		if !strings.Contains(fn, ".") {
			bad("acquirer %q: must be pkgpath.Func or pkgpath.Recv.Method", fn)
		}
		if !keys[fam] && (known == nil || !known(fam)) {
			bad("acquirer %s: unknown family %s", fn, fam)
		}
	}
	for _, fn := range c.NotAcquirers {
		if _, ok := c.Acquirers[fn]; ok {
			bad("%s: both an acquirer and not one", fn)
		}
	}
	for fn, t := range c.Ties {
		if _, ok := c.Acquirers[fn]; !ok {
			bad("tie %s: not an acquirer", fn)
		}
		if !t.Context && !t.Receiver && !t.ReceiverTies {
			bad("tie %s: ties nothing (context, receiver or receiver's ties)", fn)
		}
	}
	for fn, i := range c.Releasers {
		if i < 0 {
			bad("releaser %s: negative argument index %d", fn, i)
		}
	}
	for fn, i := range c.Lenders {
		if i < 0 {
			bad("lender %s: negative argument index %d", fn, i)
		}
		if !strings.Contains(fn, ".") {
			bad("lender %q: must be pkgpath.Func or pkgpath.Recv.Method", fn)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	slices.Sort(errs)
	return fmt.Errorf("%s", strings.Join(errs, "\n"))
}

// builtin is every built-in catalogue, in the order the docs list them.
var builtin = []Catalog{
	databaseSQLCatalog,
	pgxCatalog,
	pgx4Catalog,
	clickhouseCatalog,
	goredisCatalog,
	goredis8Catalog,
	mongo2Catalog,
	mongo1Catalog,
	vitessCatalog,
	netHTTPCatalog,
	netCatalog,
	httptestCatalog,
	grpcCatalog,
	amqpCatalog,
	natsCatalog,
	kafkaGoCatalog,
	saramaCatalog,
	gorillaCatalog,
	coderCatalog,
	sshCatalog,
	minioCatalog,
	s3Catalog,
}
