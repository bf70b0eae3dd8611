// Package directive parses the //connlint: comments that users put on their
// own APIs and code:
//
//	//connlint:acquire        in a function's doc comment: its first non-error result is a resource
//	//connlint:release        in a method's doc comment: calling it releases the receiver
//	//connlint:release idempotent
//	                          the same, and releasing again afterwards is a no-op
//	//connlint:afterrelease   in a method's doc comment: safe to call after a release
//	//connlint:ignore REASON  on a line, or the line above it: suppress reports there
//
// Like //go: directives they have no space after the slashes. Parsing is
// purely syntactic; checking that a directive makes sense for what it
// annotates is the caller's job, because it needs type information.
package directive

import (
	"go/ast"
	"go/token"
	"strings"
)

// Prefix starts every connlint directive.
const Prefix = "//connlint:"

// Verb is a directive's kind.
type Verb string

// The known verbs.
const (
	Acquire      Verb = "acquire"
	Release      Verb = "release"
	AfterRelease Verb = "afterrelease"
	Ignore       Verb = "ignore"
)

// Idempotent is the argument of //connlint:release that makes a second
// release legal.
const Idempotent = "idempotent"

// A Directive is one //connlint: comment.
type Directive struct {
	Verb Verb
	Arg  string    // the rest of the line, trimmed (the reason, for ignore)
	Pos  token.Pos // position of the comment
}

// Known reports whether the verb is one connlint understands.
func (d Directive) Known() bool {
	switch d.Verb {
	case Acquire, Release, AfterRelease, Ignore:
		return true
	}
	return false
}

// Parse returns the directive in c, if c is one.
func Parse(c *ast.Comment) (Directive, bool) {
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok {
		return Directive{}, false
	}
	verb, arg, _ := strings.Cut(rest, " ")
	// A trailing comment ("//connlint:ignore // see below") is not an argument.
	arg, _, _ = strings.Cut(arg, "//")
	return Directive{Verb: Verb(strings.TrimSpace(verb)), Arg: strings.TrimSpace(arg), Pos: c.Slash}, true
}

// InGroup returns the directives of a comment group (e.g. a doc comment).
func InGroup(g *ast.CommentGroup) []Directive {
	if g == nil {
		return nil
	}
	var ds []Directive
	for _, c := range g.List {
		if d, ok := Parse(c); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

// Has reports whether the doc comment carries the verb.
func Has(doc *ast.CommentGroup, v Verb) bool {
	for _, d := range InGroup(doc) {
		if d.Verb == v {
			return true
		}
	}
	return false
}

// InFile returns every directive in the file, in source order.
func InFile(f *ast.File) []Directive {
	var ds []Directive
	for _, g := range f.Comments {
		ds = append(ds, InGroup(g)...)
	}
	return ds
}
