package sarif_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"

	"github.com/connlint/connlint/internal/sarif"
)

const root = "/repo"

var leaky = &analysis.Analyzer{
	Name: "leaky",
	Doc:  "leaky: check that things are released\n\nAn acquisition must be released\non every path.\n\nMore text.",
	URL:  "https://example.com/docs/leaky.md",
}

var cycles = &analysis.Analyzer{
	Name: "cycles",
	Doc:  "cycles: report references that keep memory alive\n\nIntro.\n\nR3, unlinked node keeps its link: a pop that\nleaves n.next set.\n\nR5, other: text.",
	URL:  "https://example.com/docs/cycles.md",
}

// fixture is a file set with files under /repo and one outside it.
type fixture struct {
	fset  *token.FileSet
	files map[string]*token.File
	src   map[string][]byte
}

func newFixture(srcs map[string]string) *fixture {
	fx := &fixture{fset: token.NewFileSet(), files: map[string]*token.File{}, src: map[string][]byte{}}
	for name, s := range srcs {
		f := fx.fset.AddFile(name, -1, len(s))
		f.SetLinesForContent([]byte(s))
		fx.files[name] = f
		fx.src[name] = []byte(s)
	}
	return fx
}

// pos returns the position of the first occurrence of needle in file name.
func (fx *fixture) pos(name, needle string) token.Pos {
	i := strings.Index(string(fx.src[name]), needle)
	if i < 0 {
		panic(needle + " not in " + name)
	}
	return fx.files[name].Pos(i)
}

func (fx *fixture) readFile(name string) ([]byte, error) {
	if s, ok := fx.src[name]; ok {
		return s, nil
	}
	return nil, os.ErrNotExist
}

func (fx *fixture) builder(analyzers ...*analysis.Analyzer) *sarif.Builder {
	return sarif.New(sarif.Options{Name: "connlint", Version: "v1.2.3", InformationURI: "https://example.com", Root: root, ReadFile: fx.readFile}, analyzers)
}

// encode writes the log and decodes it as untyped JSON, the way a consumer
// sees it.
func encode(t *testing.T, l *sarif.Log) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, l.Write(&buf))
	var v map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &v))
	return v
}

// validate checks the structure SARIF 2.1.0 requires and GitHub code
// scanning reads: required properties, rule indexes that match rule ids,
// 1-based regions, relative URIs resolved through a declared base id.
func validate(t *testing.T, log map[string]any) {
	t.Helper()
	assert.Equal(t, "2.1.0", log["version"])
	assert.Equal(t, sarif.Schema, log["$schema"])
	runs := log["runs"].([]any)
	require.Len(t, runs, 1, "one run")
	run := runs[0].(map[string]any)

	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	assert.NotEmpty(t, driver["name"], "tool.driver.name is required")
	rules := driver["rules"].([]any)
	ids := make([]string, len(rules))
	for i, r := range rules {
		rule := r.(map[string]any)
		ids[i] = rule["id"].(string)
		assert.NotEmpty(t, ids[i], "rule id is required")
		assert.NotEmpty(t, rule["shortDescription"].(map[string]any)["text"], "rule %s short description", ids[i])
		assert.NotEmpty(t, rule["fullDescription"].(map[string]any)["text"], "rule %s full description", ids[i])
		assert.NotEmpty(t, rule["help"].(map[string]any)["text"], "rule %s help", ids[i])
		assert.True(t, strings.HasPrefix(rule["helpUri"].(string), "https://"), "rule %s helpUri", ids[i])
		assert.Equal(t, "warning", rule["defaultConfiguration"].(map[string]any)["level"])
	}

	bases, _ := run["originalUriBaseIds"].(map[string]any)
	inv := run["invocations"].([]any)
	require.Len(t, inv, 1)
	_, ok := inv[0].(map[string]any)["executionSuccessful"].(bool)
	assert.True(t, ok, "invocation.executionSuccessful is required")

	results, ok := run["results"].([]any)
	require.True(t, ok, "results must be an array, even when empty")
	for _, r := range results {
		res := r.(map[string]any)
		id := res["ruleId"].(string)
		idx := int(res["ruleIndex"].(float64))
		require.Less(t, idx, len(ids))
		assert.Equal(t, ids[idx], id, "ruleIndex points at the rule")
		assert.Contains(t, []any{"warning", "error", "note"}, res["level"])
		assert.NotEmpty(t, res["message"].(map[string]any)["text"])
		locs := res["locations"].([]any)
		require.Len(t, locs, 1)
		checkLocation(t, locs[0].(map[string]any), bases)
		for _, rl := range asSlice(res["relatedLocations"]) {
			loc := rl.(map[string]any)
			assert.NotZero(t, loc["id"], "related locations are numbered")
			assert.NotEmpty(t, loc["message"].(map[string]any)["text"])
			checkLocation(t, loc, bases)
		}
	}
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func checkLocation(t *testing.T, loc map[string]any, bases map[string]any) {
	t.Helper()
	phys := loc["physicalLocation"].(map[string]any)
	art := phys["artifactLocation"].(map[string]any)
	uri := art["uri"].(string)
	if base, ok := art["uriBaseId"].(string); ok {
		assert.Contains(t, bases, base, "uriBaseId is declared in originalUriBaseIds")
		assert.False(t, strings.HasPrefix(uri, "/") || strings.Contains(uri, ":"), "uri %q relative to its base", uri)
	} else {
		assert.True(t, strings.HasPrefix(uri, "file:///"), "uri %q without a base is absolute", uri)
	}
	region := phys["region"].(map[string]any)
	assert.GreaterOrEqual(t, region["startLine"].(float64), 1.0)
	assert.GreaterOrEqual(t, region["startColumn"].(float64), 1.0)
}

const storeGo = `package store

func Load() error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return nil
}
`

func TestLogStructure(t *testing.T) {
	fx := newFixture(map[string]string{"/repo/store/store.go": storeGo})
	b := fx.builder(leaky, cycles)
	b.Add(fx.fset, leaky, analysis.Diagnostic{
		Pos:      fx.pos("/repo/store/store.go", "db.Conn"),
		End:      fx.pos("/repo/store/store.go", "\n\tif err"),
		Category: "leak",
		Message:  "*sql.Conn acquired here is not released on the path returning at line 8",
		URL:      leaky.URL + "#leaks",
		Related:  []analysis.RelatedInformation{{Pos: fx.pos("/repo/store/store.go", "return nil"), Message: "this return leaks it"}},
	})
	log := encode(t, b.Log())
	validate(t, log)

	want := `{
	  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
	  "version": "2.1.0",
	  "runs": [{
	    "tool": {"driver": {
	      "name": "connlint", "version": "v1.2.3", "informationUri": "https://example.com",
	      "rules": [
	        {"id": "leaky", "name": "leaky",
	         "shortDescription": {"text": "check that things are released"},
	         "fullDescription": {"text": "An acquisition must be released on every path."},
	         "help": {"text": "leaky: check that things are released\n\nAn acquisition must be released\non every path.\n\nMore text.\n\nDocumentation: https://example.com/docs/leaky.md",
	                  "markdown": "leaky: check that things are released\n\nAn acquisition must be released\non every path.\n\nMore text.\n\n[Documentation](https://example.com/docs/leaky.md)"},
	         "helpUri": "https://example.com/docs/leaky.md",
	         "defaultConfiguration": {"level": "warning"},
	         "properties": {"tags": ["go", "reliability"]}},
	        {"id": "cycles", "name": "cycles",
	         "shortDescription": {"text": "report references that keep memory alive"},
	         "fullDescription": {"text": "Intro."},
	         "help": {"text": "cycles: report references that keep memory alive\n\nIntro.\n\nR3, unlinked node keeps its link: a pop that\nleaves n.next set.\n\nR5, other: text.\n\nDocumentation: https://example.com/docs/cycles.md",
	                  "markdown": "cycles: report references that keep memory alive\n\nIntro.\n\nR3, unlinked node keeps its link: a pop that\nleaves n.next set.\n\nR5, other: text.\n\n[Documentation](https://example.com/docs/cycles.md)"},
	         "helpUri": "https://example.com/docs/cycles.md",
	         "defaultConfiguration": {"level": "warning"},
	         "properties": {"tags": ["go", "reliability"]}},
	        {"id": "leaky/leak", "name": "leaky/leak",
	         "shortDescription": {"text": "check that things are released (leak)"},
	         "fullDescription": {"text": "An acquisition must be released on every path."},
	         "help": {"text": "leaky: check that things are released\n\nAn acquisition must be released\non every path.\n\nMore text.\n\nDocumentation: https://example.com/docs/leaky.md",
	                  "markdown": "leaky: check that things are released\n\nAn acquisition must be released\non every path.\n\nMore text.\n\n[Documentation](https://example.com/docs/leaky.md)"},
	         "helpUri": "https://example.com/docs/leaky.md#leaks",
	         "defaultConfiguration": {"level": "warning"},
	         "properties": {"tags": ["go", "reliability"]}}
	      ]}},
	    "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///repo/"}},
	    "invocations": [{"executionSuccessful": true}],
	    "columnKind": "utf16CodeUnits",
	    "results": [{
	      "ruleId": "leaky/leak", "ruleIndex": 2, "level": "warning",
	      "message": {"text": "*sql.Conn acquired here is not released on the path returning at line 8"},
	      "locations": [{"physicalLocation": {
	        "artifactLocation": {"uri": "store/store.go", "uriBaseId": "%SRCROOT%"},
	        "region": {"startLine": 4, "startColumn": 15, "endLine": 4, "endColumn": 27}}}],
	      "relatedLocations": [{"id": 1,
	        "physicalLocation": {
	          "artifactLocation": {"uri": "store/store.go", "uriBaseId": "%SRCROOT%"},
	          "region": {"startLine": 8, "startColumn": 2}},
	        "message": {"text": "this return leaks it"}}]
	    }]
	  }]
	}`
	got, err := json.Marshal(log)
	require.NoError(t, err)
	assert.JSONEq(t, want, string(got))
}

func TestEmptyRunListsRules(t *testing.T) {
	fx := newFixture(nil)
	log := encode(t, fx.builder(leaky, cycles).Log())
	validate(t, log)
	run := log["runs"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{}, run["results"])
	assert.Len(t, run["tool"].(map[string]any)["driver"].(map[string]any)["rules"], 2)
}

func TestCategoryRuleFromDocParagraph(t *testing.T) {
	fx := newFixture(map[string]string{"/repo/stack.go": "package p\n\nfunc Pop() {}\n"})
	b := fx.builder(leaky, cycles)
	b.Add(fx.fset, cycles, analysis.Diagnostic{Pos: fx.pos("/repo/stack.go", "Pop"), Category: "R3", Message: "Pop unlinks n", URL: cycles.URL + "#r3"})
	log := b.Log()
	validate(t, encode(t, log))

	rules := log.Runs[0].Tool.Driver.Rules
	require.Len(t, rules, 3)
	r := rules[2]
	assert.Equal(t, "cycles/R3", r.ID)
	assert.Equal(t, "https://example.com/docs/cycles.md#r3", r.HelpURI)
	assert.Equal(t, "R3, unlinked node keeps its link", r.ShortDescription.Text)
	assert.Equal(t, "R3, unlinked node keeps its link: a pop that leaves n.next set.", r.FullDescription.Text)
	assert.Equal(t, 2, log.Runs[0].Results[0].RuleIndex)
}

func TestURIsRelativeToRoot(t *testing.T) {
	fx := newFixture(map[string]string{
		"/repo/a/x.go":        "package a\n",
		"/elsewhere/b/y z.go": "package b\n",
		"/repo2/c.go":         "package c\n",
	})
	b := fx.builder(leaky)
	for _, name := range []string{"/repo/a/x.go", "/elsewhere/b/y z.go", "/repo2/c.go"} {
		b.Add(fx.fset, leaky, analysis.Diagnostic{Pos: fx.pos(name, "package"), Message: "m " + name})
	}
	log := b.Log()
	validate(t, encode(t, log))
	var uris []sarif.ArtifactLocation
	for _, r := range log.Runs[0].Results {
		uris = append(uris, r.Locations[0].PhysicalLocation.ArtifactLocation)
	}
	assert.Equal(t, []sarif.ArtifactLocation{
		{URI: "a/x.go", URIBaseID: "%SRCROOT%"},
		{URI: "file:///elsewhere/b/y%20z.go"},
		{URI: "file:///repo2/c.go"},
	}, uris)
}

func TestUTF16Columns(t *testing.T) {
	// "é" is two bytes and one UTF-16 unit; "𝄞" four bytes and two units.
	src := "package p\n\nvar s = \"é𝄞\" + x\n"
	fx := newFixture(map[string]string{"/repo/p.go": src})
	b := fx.builder(leaky)
	b.Add(fx.fset, leaky, analysis.Diagnostic{Pos: fx.pos("/repo/p.go", "x\n"), Message: "m"})
	r := b.Log().Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	byteCol := strings.Index("var s = \"é𝄞\" + x", "x") + 1
	assert.Equal(t, 20, byteCol)
	assert.Equal(t, 17, r.StartColumn)

	// Without the source, columns stay in bytes.
	fx2 := newFixture(map[string]string{"/repo/p.go": src})
	b2 := sarif.New(sarif.Options{Name: "connlint", Root: root, ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist }}, []*analysis.Analyzer{leaky})
	b2.Add(fx2.fset, leaky, analysis.Diagnostic{Pos: fx2.pos("/repo/p.go", "x\n"), Message: "m"})
	assert.Equal(t, 20, b2.Log().Runs[0].Results[0].Locations[0].PhysicalLocation.Region.StartColumn)
}

func TestDuplicatesFromTestVariantsCollapse(t *testing.T) {
	// A file in both p and p [p.test] is parsed twice, into two file sets.
	var results int
	b := sarif.New(sarif.Options{Name: "connlint", Root: root}, []*analysis.Analyzer{leaky})
	for range 2 {
		fx := newFixture(map[string]string{"/repo/p.go": storeGo})
		b.Add(fx.fset, leaky, analysis.Diagnostic{Pos: fx.pos("/repo/p.go", "db.Conn"), Message: "leak"})
		results = len(b.Log().Runs[0].Results)
	}
	assert.Equal(t, 1, results)
}

func TestResultsSorted(t *testing.T) {
	fx := newFixture(map[string]string{"/repo/b.go": storeGo, "/repo/a.go": storeGo})
	b := fx.builder(leaky)
	b.Add(fx.fset, leaky, analysis.Diagnostic{Pos: fx.pos("/repo/b.go", "return nil"), Message: "3"})
	b.Add(fx.fset, leaky, analysis.Diagnostic{Pos: fx.pos("/repo/b.go", "db.Conn"), Message: "2"})
	b.Add(fx.fset, leaky, analysis.Diagnostic{Pos: fx.pos("/repo/a.go", "return nil"), Message: "1"})
	var got []string
	for _, r := range b.Log().Runs[0].Results {
		got = append(got, r.Message.Text)
	}
	assert.Equal(t, []string{"1", "2", "3"}, got)
}

func TestErrorsMakeTheRunUnsuccessful(t *testing.T) {
	fx := newFixture(nil)
	b := fx.builder(leaky)
	b.Error("broken/broken.go:5:9: undefined: nope")
	log := b.Log()
	validate(t, encode(t, log))
	inv := log.Runs[0].Invocations[0]
	assert.False(t, inv.ExecutionSuccessful)
	assert.Equal(t, []sarif.Notification{{Level: "error", Message: sarif.Message{Text: "broken/broken.go:5:9: undefined: nope"}}}, inv.ToolExecutionNotifications)
}
