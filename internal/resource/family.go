// Package resource is connlint's model of what must be released: resource
// families (a resource type, the calls that acquire it and the methods that
// release it) and the built-in table of families for database/sql, pgx,
// go-redis, Vitess, net/http and net; beside it, the tables of what
// libraries do on their own (ties, releasers, borrowers, test assertions).
//
// A family is data. Adding a library is a new table row, never a new branch
// in the analysis engine.
package resource

import (
	"slices"
	"strings"
)

// A Family describes one kind of resource. It is gob-encodable because it
// travels inside facts: a wrapper that returns a resource exports its family
// so that callers in other packages know how to release it.
type Family struct {
	// Key identifies the family: "pkgpath.Type" of the resource type.
	Key string
	// Display is the resource type as users write it, e.g. "*sql.Conn".
	Display string
	// Release lists the methods that release the resource.
	Release []string
	// ReleaseField, when set, names the field whose methods release the
	// resource instead of the resource's own (http.Response.Body).
	ReleaseField string
	// ReleasedWhenFalse lists methods that release the resource when they
	// return false: *sql.Rows and pgx.Rows close themselves once Next
	// reports that the rows are exhausted.
	ReleasedWhenFalse []string
	// ReleasedOnError lists methods that release the resource when they
	// return a non-nil error: pgx closes its rows when Scan fails.
	ReleasedOnError []string
	// AfterRelease lists non-release methods that are safe after a release
	// (Err on *sql.Rows).
	AfterRelease []string
	// ReleaseTwiceSafe says a second release is harmless (sql.Conn.Close twice
	// returns an error, a pool lease recycled twice corrupts the pool).
	ReleaseTwiceSafe bool
	// Inferred: the family of an owning struct, inferred from its code
	// (internal/ownership/owners.go) rather than declared. Only leaks are
	// reported for it.
	Inferred bool
	// DeferFix is the call a suggested fix defers, with "$ctx" standing for
	// the acquisition's context argument, e.g. "Rollback($ctx)". Empty: the
	// first release method with no arguments, unless Hint is set.
	DeferFix string
	// Hint, when set, is the advice a report gives instead of "call
	// <release method>", for a resource that no single method releases on
	// every path (a gRPC client stream: "cancel its context or receive
	// until an error"). Such a family gets no default defer fix.
	Hint string
	// ContextScoped: the resource lives as long as the context given to
	// its acquisition. Canceling that context releases it, whatever the
	// acquirer, and the acquisition is an obligation only of a function
	// that owns the context's end: one that made it (context.Background or
	// TODO, or a context whose cancel it holds). A context the function
	// was given is its caller's to cancel, and with it the resource.
	ContextScoped bool
	// Embedders: an interface type that embeds the resource's (interface)
	// type is the resource too: the per-method stream interfaces that
	// generated gRPC code declares around grpc.ClientStream.
	Embedders bool
}

// DrainedBy lists the methods through which a holder can end the
// resource: its release methods and, for a context-scoped resource, those
// that end it when they fail (receiving until an error drains a stream).
func (f *Family) DrainedBy() []string {
	if !f.ContextScoped {
		return f.Release
	}
	return slices.Concat(f.Release, f.ReleasedOnError)
}

// IsRelease reports whether calling method m on the resource itself (or on
// its ReleaseField, when field is true) releases it.
func (f *Family) IsRelease(m string, onField bool) bool {
	if onField != (f.ReleaseField != "") {
		return false
	}
	return slices.Contains(f.Release, m)
}

// SafeAfterRelease reports whether method m may be called after a release.
func (f *Family) SafeAfterRelease(m string) bool {
	return slices.Contains(f.AfterRelease, m) || slices.Contains(f.Release, m) && f.ReleaseTwiceSafe
}

// ReleaseHint says how to release the resource, e.g. "call Commit or
// Rollback" or "close its Body".
func (f *Family) ReleaseHint() string {
	if f.Hint != "" {
		return f.Hint
	}
	names := strings.Join(f.Release, " or ")
	if f.ReleaseField != "" {
		return "call " + f.ReleaseField + "." + names
	}
	return "call " + names
}

// DeferCall returns the call a fix defers on a variable named v, given the
// source text of the acquisition's context argument ("" if it has none).
// ok is false when no safe call can be written.
func (f *Family) DeferCall(v, ctx string) (call string, ok bool) {
	c := f.DeferFix
	if c == "" {
		if len(f.Release) == 0 || f.Hint != "" {
			return "", false
		}
		c = f.Release[0] + "()"
	}
	if strings.Contains(c, "$ctx") {
		if ctx == "" {
			return "", false
		}
		c = strings.ReplaceAll(c, "$ctx", ctx)
	}
	if f.ReleaseField != "" {
		return v + "." + f.ReleaseField + "." + c, true
	}
	return v + "." + c, true
}
