// Package plugin is connlint's golangci-lint v2 module plugin.
//
// A blank import of this package registers the linter "connlint" with
// github.com/golangci/plugin-module-register; golangci-lint custom (driven
// by .custom-gcl.yml) builds a golangci-lint binary that includes it:
//
//	# .custom-gcl.yml
//	version: v2.15.0
//	plugins:
//	  - module: github.com/connlint/connlint
//	    import: github.com/connlint/connlint/plugin
//	    version: latest
//
// Its settings mirror connlint's flags; an unknown or misspelled key is an
// error, not a silent default:
//
//	linters:
//	  enable: [connlint]
//	  settings:
//	    custom:
//	      connlint:
//	        type: module
//	        settings:
//	          strict: false                  # -reservedclose.strict
//	          acquire:                       # -reservedclose.acquire FUNC:RELEASE
//	            - func: example.com/pool.Pool.Get
//	              release: [Put, Close]
//	          refcycle:
//	            registry: true               # -refcycle.registry (R4)
//	          disable: [refcycle]            # -refcycle=false
//
// Each New call builds its own analyzers (reservedclose.New, refcycle.New):
// settings never leak into the package-level Analyzer variables.
package plugin

import (
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/connlint/connlint/internal/facts"
	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
)

// Name is the linter's name in golangci-lint: the key under
// linters.settings.custom, and what //nolint:connlint names.
const Name = "connlint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Strict is reservedclose's -strict: calls into code the analysis
	// cannot see borrow a resource rather than take it over.
	Strict bool `json:"strict"`
	// Acquire declares acquisitions of APIs that cannot be annotated with
	// //connlint:acquire (reservedclose's -acquire).
	Acquire []Acquire `json:"acquire"`
	// Families names families files (reservedclose's -families): YAML
	// declaring families with every field of the built-in ones. A relative
	// name is relative to the directory golangci-lint runs in.
	Families []string `json:"families"`
	// Refcycle holds refcycle's options.
	Refcycle RefcycleSettings `json:"refcycle"`
	// Disable lists analyzers not to run: reservedclose, refcycle.
	Disable []string `json:"disable"`
}

// Acquire is one extra acquisition: the acquiring function, named
// "pkgpath.Func" or "pkgpath.Recv.Method" (no pointer, no type arguments),
// and the methods of its result that release it.
type Acquire struct {
	Func    string   `json:"func"`
	Release []string `json:"release"`
}

// RefcycleSettings are refcycle's options.
type RefcycleSettings struct {
	// Registry enables R4 (-refcycle.registry).
	Registry bool `json:"registry"`
}

// New is the plugin constructor golangci-lint calls with the raw settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	analyzers, err := Analyzers(s)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	return &linter{analyzers: analyzers}, nil
}

// Analyzers returns fresh analyzers configured by s, or an error for
// settings that cannot work.
func Analyzers(s Settings) ([]*analysis.Analyzer, error) {
	known := []string{"reservedclose", "refcycle"}
	for _, name := range s.Disable {
		if !slices.Contains(known, name) {
			return nil, fmt.Errorf("disable: unknown analyzer %q (known: %s)", name, strings.Join(known, ", "))
		}
	}
	rc := reservedclose.Config{Strict: s.Strict, Families: s.Families}
	for _, a := range s.Acquire {
		rc.Acquire = append(rc.Acquire, reservedclose.Acquire{Func: a.Func, Release: a.Release})
	}
	rca, err := reservedclose.New(rc)
	if err != nil {
		return nil, err
	}
	var out []*analysis.Analyzer
	if !slices.Contains(s.Disable, "reservedclose") {
		out = append(out, rca)
	}
	if !slices.Contains(s.Disable, "refcycle") {
		rcy := refcycle.New(refcycle.Config{Registry: s.Refcycle.Registry})
		facts.Share(rcy, rca) // one computation of the facts, with these settings
		out = append(out, rcy)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("disable: every analyzer is disabled; remove %s from the enabled linters instead", Name)
	}
	return out, nil
}

type linter struct{ analyzers []*analysis.Analyzer }

func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) { return l.analyzers, nil }

// GetLoadMode asks for type information: the analyzers build SSA.
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }
