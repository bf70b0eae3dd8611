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
	// Releasers: results (bit i for result i) that are functions releasing
	// the resource when called (conn, cleanup, err := getConn(ctx)).
	Releasers uint32
}

func (*AcquireFact) AFact() {}

func (f *AcquireFact) String() string {
	return fmt.Sprintf("acquires %s (result %d)", f.Family.Display, f.Result)
}

// ReleaseFact marks a method annotated //connlint:release.
type ReleaseFact struct {
	// Idempotent: //connlint:release idempotent, a second release (by this
	// or another release method) is a no-op, so calling it again is legal.
	Idempotent bool
}

func (*ReleaseFact) AFact() {}

func (f *ReleaseFact) String() string {
	if f.Idempotent {
		return "release idempotent"
	}
	return "release"
}

// AfterReleaseFact marks a method annotated //connlint:afterrelease.
type AfterReleaseFact struct{}

func (*AfterReleaseFact) AFact()         {}
func (*AfterReleaseFact) String() string { return "afterrelease" }

// Summaries is a package fact: what each exported function of the package
// does with each parameter (receiver first) that may carry a resource, by
// ssax.FuncKey, and which of its results it arranged the release of.
// Functions whose parameters are all plain borrows, and that arranged no
// result's release, are absent: the drivers analyse every dependency of a
// package before it, so a missing entry means "borrows".
//
// One fact per package rather than one per function: drivers copy every
// fact of every dependency into each package's fact set (and go vet
// re-encodes them into each package's fact file), so the number of facts,
// not their size, is what costs memory and time.
type Summaries struct {
	Funcs []FuncSummary // sorted by Key: facts must encode deterministically
}

// FuncSummary is one function's entry in Summaries.
type FuncSummary struct {
	Key    string
	Params []Param
	// Arranged: results (bit i for result i) that are a resource whose
	// release the function has already arranged (handed a closure that
	// releases it to t.Cleanup): its callers owe nothing.
	Arranged uint32
	// Asserts: the parameters it asserts are non-nil errors, as a test
	// assertion does (assertions.go).
	Asserts Asserts
}

func (*Summaries) AFact() {}

func (f *Summaries) String() string {
	parts := make([]string, len(f.Funcs))
	for i, fs := range f.Funcs {
		ps := make([]string, len(fs.Params))
		for j, p := range fs.Params {
			ps[j] = p.String()
		}
		parts[i] = fs.Key[strings.LastIndex(fs.Key, "/")+1:] + ": summary(" + strings.Join(ps, ", ") + ")"
	}
	return strings.Join(parts, "; ")
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
	// Cond, for Keep: the function releases it exactly when its error
	// result says so (conditions.go); a caller that checks the error knows
	// on which branch it still holds it.
	Cond Cond
	// ReturnedAs: results (bit i for result i) that are the parameter itself
	// on some path; ReturnedIn: results that contain it.
	ReturnedAs, ReturnedIn uint32
	// TiedResults: results that are a resource the library releases when
	// this parameter is released (a Stmt prepared on the Tx passed in):
	// the caller's ties follow it (ties.go).
	TiedResults uint32
	// SentResults: results that are the response to sending this
	// parameter, a request whose method the function leaves as it is: a
	// HEAD request makes them no acquisition (headrequest.go).
	SentResults uint32
	// InvokedResults: results that are what the function's call of the
	// method Invoked on this parameter, an interface, returns: the ties of
	// the caller's concrete type's method apply (ties.go).
	InvokedResults uint32
	Invoked        string
}

func (p Param) String() string {
	s := p.Effect.String()
	if p.Cond != CondNone {
		s += "(" + p.Cond.String() + ")"
	}
	if p.ReturnedAs|p.ReturnedIn != 0 {
		s += fmt.Sprintf("->%b/%b", p.ReturnedAs, p.ReturnedIn)
	}
	if p.TiedResults != 0 {
		s += fmt.Sprintf(" ties %b", p.TiedResults)
	}
	if p.SentResults != 0 {
		s += fmt.Sprintf(" sends %b", p.SentResults)
	}
	if p.InvokedResults != 0 {
		s += fmt.Sprintf(" .%s %b", p.Invoked, p.InvokedResults)
	}
	return s
}

func (p Param) trivial() bool { return p == Param{} }

// FactTypes lists the facts an analyzer using this engine must declare.
func FactTypes() []analysis.Fact {
	return []analysis.Fact{new(AcquireFact), new(ReleaseFact), new(AfterReleaseFact), new(Summaries)}
}
