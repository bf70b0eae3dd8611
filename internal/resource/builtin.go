package resource

// The built-in knowledge, as tables. Functions and methods are named by
// ssax.FuncKey ("pkgpath.Recv.Method" with pointers and type arguments
// dropped, or "pkgpath.Func"); types by ssax.TypeKey.

// cancelers return a derived context and the function that cancels it
// (and every context derived from it).
var cancelers = map[string]bool{
	"context.WithCancel":        true,
	"context.WithCancelCause":   true,
	"context.WithTimeout":       true,
	"context.WithTimeoutCause":  true,
	"context.WithDeadline":      true,
	"context.WithDeadlineCause": true,
}

// requestSenders send the *http.Request at the given argument index
// (receiver included): what they return for a HEAD request has no body
// either, so it is no acquisition when the request's method is the
// constant "HEAD".
var requestSenders = map[string]int{
	nethttp + ".Client.Do": 1,
}

// A Delegation says that a library's acquiring method hands out what the
// value in one field of its receiver returns (http.Client.Do returns what
// its Transport's RoundTrip returns).
type Delegation struct {
	Field  string // the receiver's field holding the delegate
	Method string // the delegate's method that produces the resource
	Result int    // that method's result that is the resource
}

// delegations, by the acquiring method's key.
var delegations = func() map[string]Delegation {
	roundTrip := Delegation{Field: "Transport", Method: "RoundTrip", Result: 0}
	m := map[string]Delegation{}
	for _, name := range []string{"Do", "Get", "Head", "Post", "PostForm"} {
		m[nethttp+".Client."+name] = roundTrip
	}
	return m
}()

// A NeededField is a field of an argument without which an acquisition
// fails at once, returning nothing (a request with no URL).
type NeededField struct {
	Arg  int      // the argument
	Path []string // the field, as a path from the argument
}

// neededFields, by the acquiring function's key.
var neededFields = map[string][]NeededField{
	nethttp + ".Transport.RoundTrip": {{1, []string{"URL"}}, {1, []string{"URL", "Host"}}},
	nethttp + ".Client.Do":           {{1, []string{"URL"}}},
}

// The request type, its method field, and the method whose response has
// no body (http.NoBody): a HEAD request's Do or RoundTrip acquires nothing.
const (
	RequestType    = nethttp + ".Request"
	RequestMethod  = "Method"
	BodylessMethod = "HEAD"
)

// requestBuilders build a request whose method is the argument at the
// given index.
var requestBuilders = map[string]int{
	nethttp + ".NewRequest":            0,
	nethttp + ".NewRequestWithContext": 1,
}

// neverReturn lists interface methods that do not return normally. Static
// calls are covered by ctrlflow's facts; calls through an interface are not.
var neverReturn = map[string]bool{
	"testing.TB.Fatal":   true,
	"testing.TB.Fatalf":  true,
	"testing.TB.FailNow": true,
	"testing.TB.Skip":    true,
	"testing.TB.Skipf":   true,
	"testing.TB.SkipNow": true,
}

// Assertion is what a test assertion tells about its argument on the
// paths that go on past the call.
//
// The table lists testify's require and assert alike, and the engine reads
// them alike (but for ReportsNoError). A failed require.* stops the test
// (t.FailNow), so where the test goes on the assertion held. A failed
// assert.* only records the failure and returns false, and the test does go
// on: there the reading is a deliberate approximation. That path exists only
// once the test has failed, and a resource left unreleased on it is not
// worth a report (docs/triage.md: "only once the test has failed").
type Assertion uint8

const (
	// AssertsNil: the argument is nil (require.Nil; assert.Nil, see above).
	AssertsNil Assertion = iota + 1
	// AssertsError: the argument is a non-nil error: the test expects the
	// acquisition to fail (require.Error, ErrorIs, NotNil, ...; assert.*
	// likewise).
	AssertsError
	// ReportsNoError: the call returns true exactly when the argument is a
	// nil error (assert.NoError; require.NoError returns nothing and is not
	// listed).
	ReportsNoError
	// AssertsFalse: the argument is false (require.False(t, rows.Next()):
	// the rows are exhausted; assert.False likewise).
	AssertsFalse
)

const (
	testifyAssert  = "github.com/stretchr/testify/assert"
	testifyRequire = "github.com/stretchr/testify/require"
)

// assertions maps test assertion functions to what they assert about their
// argument at index 1 (after the testing.T). A test that expects a failed
// acquisition (`l, err := p.Get(ctx); require.ErrorIs(t, err, ErrClosed)`)
// holds nothing to release.
var assertions = func() map[string]Assertion {
	m := make(map[string]Assertion)
	for name, a := range map[string]Assertion{
		"Nil":           AssertsNil,
		"Error":         AssertsError,
		"ErrorIs":       AssertsError,
		"ErrorAs":       AssertsError,
		"ErrorContains": AssertsError,
		"EqualError":    AssertsError,
		"NotNil":        AssertsError, // of an error: the call failed (of a resource: nothing learned)
		"False":         AssertsFalse,
		"NoError":       ReportsNoError,
	} {
		for _, pkg := range []string{testifyAssert, testifyRequire} {
			if a == ReportsNoError && pkg == testifyRequire {
				continue // require.NoError returns nothing: it stops the test
			}
			m[pkg+"."+name] = a
			m[pkg+"."+name+"f"] = a // the formatted variants
		}
	}
	return m
}()

// AssertionOf returns what the function with the given key asserts about
// its argument at index 1, or 0.
func AssertionOf(funcKey string) Assertion { return assertions[funcKey] }

// borrowers only format their arguments, or refer to them without owning
// them. Their bodies store the arguments into printer state (fmt's pp), or
// into the statement they return (database/sql's Tx.Stmt keeps the
// statement it was given as the parent of the transaction's one, which its
// owner must still close: "The returned statement operates within the
// transaction"; closing it does not close the parent), which a summary
// would read as keeping.
var borrowers = setOf(
	"database/sql.Tx.Stmt", "database/sql.Tx.StmtContext",
	"fmt.Print", "fmt.Printf", "fmt.Println",
	"fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln",
	"fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln",
	"fmt.Append", "fmt.Appendf", "fmt.Appendln", "fmt.Errorf",
	"log.Print", "log.Printf", "log.Println",
	"log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln",
	"log.Logger.Print", "log.Logger.Printf", "log.Logger.Println",
	"log.Logger.Fatal", "log.Logger.Fatalf", "log.Logger.Fatalln",
	"log.Logger.Panic", "log.Logger.Panicf", "log.Logger.Panicln",
	"log/slog.Debug", "log/slog.Info", "log/slog.Warn", "log/slog.Error",
	"log/slog.DebugContext", "log/slog.InfoContext", "log/slog.WarnContext", "log/slog.ErrorContext",
	"log/slog.Log", "log/slog.Any",
	"log/slog.Logger.Debug", "log/slog.Logger.Info", "log/slog.Logger.Warn", "log/slog.Logger.Error",
	"log/slog.Logger.DebugContext", "log/slog.Logger.InfoContext", "log/slog.Logger.WarnContext", "log/slog.Logger.ErrorContext",
	"log/slog.Logger.Log",
	"testing.common.Log", "testing.common.Logf", "testing.common.Error", "testing.common.Errorf",
	"testing.common.Fatal", "testing.common.Fatalf", "testing.common.Skip", "testing.common.Skipf",
	"testing.TB.Log", "testing.TB.Logf", "testing.TB.Error", "testing.TB.Errorf",
	"testing.TB.Fatal", "testing.TB.Fatalf", "testing.TB.Skip", "testing.TB.Skipf",
)

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
