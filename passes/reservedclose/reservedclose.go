package reservedclose

import (
	_ "embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/facts"
	"github.com/connlint/connlint/internal/resource"
)

//go:embed doc.go
var doc string

// URL is where the rule is documented; each diagnostic links to a section.
const URL = "https://github.com/connlint/connlint/blob/main/docs/reservedclose.md"

// Analyzer reports resources that are not released on every path. It reads
// facts.Analyzer, the facts refcycle.Analyzer reads too, so that a driver
// running both computes them once.
var Analyzer = newAnalyzer(facts.Analyzer)

// Config holds the analyzer's settings (its flags, or a golangci-lint
// plugin's settings).
type Config struct {
	// Strict treats calls the analysis cannot see into (interface methods
	// and func values) as borrowing a resource passed to
	// them, rather than taking ownership of it.
	Strict bool
	// Acquire declares acquisitions of APIs that cannot be annotated
	// (-acquire).
	Acquire []Acquire
	// Families names families files to read (-families): YAML declaring
	// families with every field of the built-in ones.
	Families []string
}

// Acquire is one acquisition of an API that cannot be annotated: the
// acquiring function, named "pkgpath.Func" or "pkgpath.Recv.Method" (no
// pointer, no type arguments), and the methods of its result that release
// it.
type Acquire struct {
	Func    string
	Release []string
}

// New returns an analyzer with the given default settings, which its flags
// override. The settings shape the facts the engine computes, so it reads
// facts computed with them: each analyzer owns its settings. An
// acquisition that cannot work, or a families file that cannot be read or
// parsed, is an error.
func New(cfg Config) (*analysis.Analyzer, error) {
	fc := facts.Config{Strict: cfg.Strict}
	for _, a := range cfg.Acquire {
		e := resource.Extra{Func: strings.TrimSpace(a.Func), Release: a.Release}
		if err := e.Validate(); err != nil {
			return nil, err
		}
		fc.Extra = append(fc.Extra, e)
	}
	for _, name := range cfg.Families {
		if err := fc.Families.Set(name); err != nil {
			return nil, err
		}
	}
	return newAnalyzer(facts.New(fc)), nil
}

// newAnalyzer returns the pass that reports what fa found. Its flags are
// fa's: drivers expose only the flags of the analyzers they are given.
func newAnalyzer(fa *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "reservedclose",
		Doc:      analysisutil.MustExtractDoc(doc, "reservedclose"),
		URL:      URL,
		Requires: []*analysis.Analyzer{fa},
		Run:      run,
	}
	facts.ShareFlags(&a.Flags, fa)
	return a
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[facts.Of(pass.Analyzer)].(*facts.Result)
	rep := newReporter(pass)
	for _, p := range res.Problems {
		rep.directive(p)
	}
	for _, leak := range res.Findings.Leaks {
		rep.leak(leak)
	}
	for _, m := range res.Findings.Misuses {
		rep.misuse(m)
	}
	for _, f := range res.Findings.Fields {
		rep.fieldLeak(f)
	}
	for _, e := range res.Lent {
		rep.lent(e)
	}
	rep.flush()
	return nil, nil
}
