package ownership

import (
	"fmt"
	"strings"

	"github.com/connlint/connlint/internal/resource"
	"golang.org/x/tools/go/analysis"
)

// The facts below carry what one package learned to the packages that
// import it. All are gob-encodable (exported fields only), as the go vet,
// golangci-lint and nogo drivers require.

// AcquireFact marks a function whose result is a resource its caller must
// release: a //connlint:acquire function, or a wrapper that returns what it
// acquired.
type AcquireFact struct {
	Result int // index of the resource among the results
	Family resource.Family
}

func (*AcquireFact) AFact() {}

func (f *AcquireFact) String() string {
	return fmt.Sprintf("acquires %s (result %d)", f.Family.Display, f.Result)
}

// ReleaseFact marks a method annotated //connlint:release.
type ReleaseFact struct{}

func (*ReleaseFact) AFact()         {}
func (*ReleaseFact) String() string { return "release" }

// AfterReleaseFact marks a method annotated //connlint:afterrelease.
type AfterReleaseFact struct{}

func (*AfterReleaseFact) AFact()         {}
func (*AfterReleaseFact) String() string { return "afterrelease" }

// SummaryFact says what a function does with each parameter (receiver
// first) that may carry a resource. Functions whose parameters are all plain
// borrows get no fact: the drivers analyse every dependency of a package
// before it, so a missing fact on a declared function means "borrows".
type SummaryFact struct {
	Params []Param
}

func (*SummaryFact) AFact() {}

func (f *SummaryFact) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = p.String()
	}
	return "summary(" + strings.Join(parts, ", ") + ")"
}

// Effect is what a function does with a resource passed to it.
type Effect uint8

const (
	// Borrow: uses it, gives it back (possibly inside a result, see Param).
	Borrow Effect = iota
	// Release: releases it on every path.
	Release
	// Keep: takes ownership on some path (stores it, sends it, hands it to a
	// goroutine or to code that keeps it, or releases it on some paths only).
	Keep
)

func (e Effect) String() string {
	switch e {
	case Release:
		return "release"
	case Keep:
		return "keep"
	}
	return "borrow"
}

// Param summarises one parameter or free variable.
type Param struct {
	Effect Effect
	// ReturnedAs: results (bit i for result i) that are the parameter itself
	// on some path; ReturnedIn: results that contain it.
	ReturnedAs, ReturnedIn uint32
}

func (p Param) String() string {
	s := p.Effect.String()
	if p.ReturnedAs|p.ReturnedIn != 0 {
		s += fmt.Sprintf("->%b/%b", p.ReturnedAs, p.ReturnedIn)
	}
	return s
}

func (p Param) trivial() bool { return p == Param{} }

// FactTypes lists the facts an analyzer using this engine must declare.
func FactTypes() []analysis.Fact {
	return []analysis.Fact{new(AcquireFact), new(ReleaseFact), new(AfterReleaseFact), new(SummaryFact)}
}
