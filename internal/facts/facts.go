package facts

import (
	_ "embed"
	"flag"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/lending"
	"github.com/connlint/connlint/internal/ownership"
	"github.com/connlint/connlint/internal/resource"
	"github.com/connlint/connlint/internal/ssax"
)

//go:embed doc.go
var doc string

// Analyzer computes the facts with the default settings. The passes'
// default analyzers require it, so that both share one computation.
var Analyzer = New(Config{})

// Config holds the settings that change what the engine concludes, and so
// the facts it exports.
type Config struct {
	// Strict treats calls the engine cannot see into (interface methods
	// and func values) as borrowing a resource passed to
	// them, rather than taking ownership of it.
	Strict bool
	// Extra declares acquisitions of APIs that cannot be annotated.
	Extra []resource.Extra
	// Families are families files, read and parsed (FamiliesFiles.Set).
	Families resource.FamiliesFiles
}

// New returns a facts analyzer with the given default settings, which its
// flags (strict, acquire) override.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "connlintfacts",
		Doc:        analysisutil.MustExtractDoc(doc, "connlintfacts"),
		Requires:   []*analysis.Analyzer{buildssa.Analyzer, ctrlflow.Analyzer},
		FactTypes:  ownership.FactTypes(),
		ResultType: reflect.TypeFor[*Result](),
	}
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "treat calls into unknown code as borrowing the resource (more reports, some false)")
	a.Flags.Var((*resource.ExtraList)(&cfg.Extra), "acquire", "declare an acquisition of an API you cannot annotate: `FUNC:RELEASE[,RELEASE]` (repeatable), e.g. example.com/pool.Pool.Get:Put")
	a.Flags.Var(&cfg.Families, "families", "read families from a YAML `FILE` (repeatable): every field of a built-in family, its acquirers and ties (docs/reservedclose.md#families-files)")
	// Flags are set before the first run; passes run concurrently.
	index := sync.OnceValue(func() *resource.Index { return resource.NewIndex(cfg.Families.Catalogs...) })
	a.Run = func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg, index()), nil
	}
	return a
}

// Of returns the facts analyzer that a (a pass, or this package's own
// analyzer) reads, or nil.
func Of(a *analysis.Analyzer) *analysis.Analyzer {
	if a.Name == Analyzer.Name {
		return a
	}
	for _, r := range a.Requires {
		if r.Name == Analyzer.Name {
			return r
		}
	}
	return nil
}

// Share makes pass read the facts that from reads, so that two passes
// configured apart (a golangci-lint plugin's settings) still compute the
// facts once.
func Share(pass, from *analysis.Analyzer) {
	want := Of(from)
	for i, r := range pass.Requires {
		if r.Name == Analyzer.Name {
			pass.Requires[i] = want
		}
	}
}

// ShareFlags declares the facts analyzer's flags on fs too, bound to the
// same values: a pass exposes the settings of the facts it reads under its
// own name (-reservedclose.strict), since drivers expose only the flags of
// the analyzers they are given.
func ShareFlags(fs *flag.FlagSet, facts *analysis.Analyzer) {
	facts.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
}

// Result is what the passes read of the current package.
type Result struct {
	// Problems are the malformed or misplaced directives.
	Problems []ownership.Problem
	// Findings are the leaks and misuses of the package's functions.
	Findings ownership.Findings
	// Lent are the values lent to a callback (Conn.Raw) that escape it.
	Lent []lending.Escape

	releases map[*types.Func]bool // methods marked //connlint:release, here and in dependencies
	index    *resource.Index
}

func run(pass *analysis.Pass, cfg Config, index *resource.Index) *Result {
	ssaInput := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	env := ownership.NewEnv(pass, cfg.Strict, cfg.Extra, index)
	res := &Result{Problems: env.LoadDirectives(pass.Files), index: index}
	res.Findings = env.Analyze(ssaInput.SrcFuncs)
	res.Lent = lending.Find(ssaInput.SrcFuncs, func(fn *types.Func) (int, bool) {
		if !index.MayLend(fn.Name()) {
			return 0, false
		}
		return index.LentTo(ssax.FuncKey(fn))
	})
	// Read here, while the pass is live: a Result outlives its pass, and
	// the passes may consult it concurrently.
	res.releases = env.MarkedReleases()
	return res
}

// IsReleaseMethod reports whether calling m releases its receiver: a
// method marked //connlint:release in any package, or a release method of a
// built-in family.
func (r *Result) IsReleaseMethod(m *types.Func) bool {
	m = m.Origin()
	if r.releases[m] {
		return true
	}
	recv := m.Signature().Recv()
	if recv == nil {
		return false
	}
	fam := r.index.ByType(ssax.TypeKey(recv.Type()))
	return fam != nil && fam.IsRelease(m.Name(), false)
}
