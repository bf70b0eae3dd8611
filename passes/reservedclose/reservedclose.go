package reservedclose

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/ownership"
	"github.com/connlint/connlint/internal/resource"
)

//go:embed doc.go
var doc string

// URL is where the rule is documented; each diagnostic links to a section.
const URL = "https://github.com/connlint/connlint/blob/main/docs/reservedclose.md"

// Analyzer reports resources that are not released on every path.
var Analyzer = New(Config{})

// Config holds the analyzer's settings (its flags, or a golangci-lint
// plugin's settings).
type Config struct {
	// Strict treats calls the analysis cannot see into (interface methods,
	// func values, unanalysed packages) as borrowing a resource passed to
	// them, rather than taking ownership of it.
	Strict bool
	// Extra declares acquisitions of APIs that cannot be annotated.
	Extra []resource.Extra
}

// New returns an analyzer with the given default settings. Each analyzer
// owns its settings: there is no package-level mutable state.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "reservedclose",
		Doc:       analysisutil.MustExtractDoc(doc, "reservedclose"),
		URL:       URL,
		Requires:  []*analysis.Analyzer{buildssa.Analyzer, ctrlflow.Analyzer},
		FactTypes: ownership.FactTypes(),
	}
	a.Flags.BoolVar(&cfg.Strict, "strict", cfg.Strict, "treat calls into unknown code as borrowing the resource (more reports, some false)")
	a.Flags.Var((*resource.ExtraList)(&cfg.Extra), "acquire", "declare an acquisition of an API you cannot annotate: `FUNC:RELEASE[,RELEASE]` (repeatable), e.g. example.com/pool.Pool.Get:Put")
	a.Run = func(pass *analysis.Pass) (any, error) {
		return nil, run(pass, cfg)
	}
	return a
}

func run(pass *analysis.Pass, cfg Config) error {
	ssaInput := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	env := ownership.NewEnv(pass, cfg.Strict, cfg.Extra)
	rep := newReporter(pass)
	for _, p := range env.LoadDirectives(pass.Files) {
		rep.directive(p)
	}
	found := env.Analyze(ssaInput.SrcFuncs)
	for _, leak := range found.Leaks {
		rep.leak(leak)
	}
	for _, m := range found.Misuses {
		rep.misuse(m)
	}
	rep.flush()
	return nil
}
