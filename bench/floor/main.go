// Command floor is the cost floor of any SSA analyzer with facts: it builds
// SSA for every package (through buildssa, as connlint does), declares a
// fact type (so the driver analyses every dependency and serialises facts),
// and does nothing else. bench/run.sh compares connlint against it.
//
// With -typecheckfloor it runs instead an analyzer that declares a fact
// type and requires nothing: under go vet, what parsing and type-checking
// every dependency from source costs (docs/performance.md, "Cold runs").
package main

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
)

type noFact struct{}

func (*noFact) AFact() {}

var floor = &analysis.Analyzer{
	Name:       "floor",
	Doc:        "build SSA and declare a fact type; report nothing",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer, ctrlflow.Analyzer},
	FactTypes:  []analysis.Fact{new(noFact)},
	ResultType: reflect.TypeFor[struct{}](),
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[buildssa.Analyzer]
		return struct{}{}, nil
	},
}

type noTypecheckFact struct{}

func (*noTypecheckFact) AFact() {}

var typecheckFloor = &analysis.Analyzer{
	Name:       "typecheckfloor",
	Doc:        "declare a fact type, require nothing; report nothing",
	FactTypes:  []analysis.Fact{new(noTypecheckFact)},
	ResultType: reflect.TypeFor[struct{}](),
	Run:        func(*analysis.Pass) (any, error) { return struct{}{}, nil },
}

func main() { multichecker.Main(floor, typecheckFloor) }
