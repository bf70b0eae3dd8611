package resource

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseFamilies(t *testing.T) {
	src := `# families of example.com/pool
families:
  - type: example.com/pool/v2.Lease
    release: [Recycle, Discard]
    released_when_false: [Next]
    released_on_error: [Scan]
    after_release: [Err]
    release_twice_safe: true
    defer_fix: Recycle()
    acquired_by: [example.com/pool/v2.Pool.Get, example.com/pool/v2.Pool.GetContext]
    tied_to_context: [example.com/pool/v2.Pool.GetContext]
    not_acquired_by: [example.com/pool/v2.Pool.Peek]
  - type: example.com/pool/v2.Result
    display: "*pool.Result"
    release: [Close]
    release_field: Body
    acquired_by: [example.com/pool/v2.Lease.Do]
    tied_to_receiver: [example.com/pool/v2.Lease.Do]
  - type: example.com/pool/v2.Stream
    released_on_error: [Recv]
    hint: cancel its context or receive until an error
    context_scoped: true
    embedders: true
    acquired_by: [example.com/pool/v2.Lease.Watch]
  - type: example.com/pool/v2.Cursor
    release: [Close]
    acquired_by: [example.com/pool/v2.Result.Scan]
    tied_to_receiver_ties: [example.com/pool/v2.Result.Scan]
releasers:
  example.com/pool/v2.Drain: 0
lenders:
  example.com/pool/v2.Pool.With: 1
`
	c, err := ParseFamilies("pool.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Catalog{
		Library: "pool.yaml",
		Families: []Family{
			{Key: "example.com/pool/v2.Lease", Display: "pool.Lease", Release: []string{"Recycle", "Discard"},
				ReleasedWhenFalse: []string{"Next"}, ReleasedOnError: []string{"Scan"}, AfterRelease: []string{"Err"},
				ReleaseTwiceSafe: true, DeferFix: "Recycle()"},
			{Key: "example.com/pool/v2.Result", Display: "*pool.Result", Release: []string{"Close"}, ReleaseField: "Body"},
			{Key: "example.com/pool/v2.Stream", Display: "pool.Stream", ReleasedOnError: []string{"Recv"},
				Hint: "cancel its context or receive until an error", ContextScoped: true, Embedders: true},
			{Key: "example.com/pool/v2.Cursor", Display: "pool.Cursor", Release: []string{"Close"}},
		},
		Acquirers: map[string]string{
			"example.com/pool/v2.Pool.Get":        "example.com/pool/v2.Lease",
			"example.com/pool/v2.Pool.GetContext": "example.com/pool/v2.Lease",
			"example.com/pool/v2.Lease.Do":        "example.com/pool/v2.Result",
			"example.com/pool/v2.Lease.Watch":     "example.com/pool/v2.Stream",
			"example.com/pool/v2.Result.Scan":     "example.com/pool/v2.Cursor",
		},
		Ties: map[string]Tie{
			"example.com/pool/v2.Pool.GetContext": {Context: true},
			"example.com/pool/v2.Lease.Do":        {Receiver: true},
			"example.com/pool/v2.Result.Scan":     {ReceiverTies: true},
		},
		Releasers:    map[string]int{"example.com/pool/v2.Drain": 0},
		Lenders:      map[string]int{"example.com/pool/v2.Pool.With": 1},
		NotAcquirers: []string{"example.com/pool/v2.Pool.Peek"},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

// Every malformed file is an error that names the file and the line.
func TestParseFamiliesErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", ``, "f.yaml: empty families file"},
		{"no families", "families: []\n", "f.yaml: no families"},
		{"syntax", "families:\n  - type: a.b/c.T\n    release: Close: x\n", "f.yaml: line 3: mapping values are not allowed"},
		{"unknown key", "families:\n  - type: a.b/c.T\n    releese: [Close]\n", "f.yaml: line 3: field releese not found"},
		{"wrong shape", "families:\n  - type: a.b/c.T\n    release: Close\n    acquired_by: [a.b/c.New]\n", "f.yaml: line 3: cannot unmarshal"},
		{"no release", "families:\n  - type: a.b/c.T\n    acquired_by: [a.b/c.New]\n", "f.yaml:2: family a.b/c.T: no release method"},
		{"scoped without hint", "families:\n  - type: a.b/c.T\n    context_scoped: true\n", "f.yaml:2: family a.b/c.T: no release method: a hint must say how to end it"},
		{"bad key", "families:\n  - type: T\n    release: [Close]\n", `f.yaml:2: family "T": key must be pkgpath.Type`},
		{"bad fix", "families:\n  - type: a.b/c.T\n    release: [Close]\n    defer_fix: Free()\n", "f.yaml:2: family a.b/c.T: defer fix \"Free()\" must call a release method"},
		{"tie without acquirer", "families:\n  - type: a.b/c.T\n    release: [Close]\n    acquired_by: [a.b/c.New]\n    tied_to_context: [a.b/c.Open]\n", "f.yaml:2: tie a.b/c.Open: not an acquirer"},
		{"acquirer twice", "families:\n  - type: a.b/c.T\n    release: [Close]\n    acquired_by: [a.b/c.New]\n  - type: a.b/c.U\n    release: [Close]\n    acquired_by: [a.b/c.New]\n", "f.yaml:5: acquirer a.b/c.New already acquires a.b/c.T"},
	} {
		_, err := ParseFamilies("f.yaml", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// The example in docs/reservedclose.md is a valid families file.
func TestDocumentedFamiliesFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "reservedclose.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "## Families files")
	if !ok {
		t.Fatal("docs/reservedclose.md: no section Families files")
	}
	_, rest, ok = strings.Cut(rest, "```yaml\n")
	if !ok {
		t.Fatal("docs/reservedclose.md: no yaml example under Families files")
	}
	example, _, _ := strings.Cut(rest, "```")
	c, err := ParseFamilies("example.yaml", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Families) != 1 || len(c.Acquirers) != 2 || !c.Ties["example.com/pool.Pool.GetContext"].Context {
		t.Errorf("example parsed as %+v", c)
	}
}
