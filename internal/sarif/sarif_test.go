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

// validate checks the log with Check, as the end-to-end tests do.
func validate(t *testing.T, log map[string]any) {
	t.Helper()
	data, err := json.Marshal(log)
	require.NoError(t, err)
	assert.NoError(t, sarif.Check(data))
}

func TestCheckRejectsBrokenLogs(t *testing.T) {
	fx := newFixture(map[string]string{"/repo/store/store.go": storeGo})
	b := fx.builder(leaky)
	b.Add(fx.fset, leaky, analysis.Diagnostic{
		Pos: fx.pos("/repo/store/store.go", "db.Conn"), Message: "leak",
		Related: []analysis.RelatedInformation{{Pos: fx.pos("/repo/store/store.go", "return nil"), Message: "exit"}},
	})
	good, err := json.Marshal(b.Log())
	require.NoError(t, err)
	require.NoError(t, sarif.Check(good))

	for name, tc := range map[string]struct {
		edit func(run map[string]any)
		want string
	}{
		"bad version":            {func(map[string]any) {}, "version"},
		"no driver name":         {func(r map[string]any) { driver(r)["name"] = "" }, "tool.driver.name"},
		"rule without uri":       {func(r map[string]any) { rule0(r)["helpUri"] = "" }, "helpUri"},
		"rule without help":      {func(r map[string]any) { delete(rule0(r), "help") }, "help.text"},
		"null results":           {func(r map[string]any) { r["results"] = nil }, "results is not an array"},
		"wrong ruleIndex":        {func(r map[string]any) { result0(r)["ruleIndex"] = 7 }, "ruleIndex"},
		"absolute uri with base": {func(r map[string]any) { art(result0(r)["locations"])["uri"] = "/repo/store/store.go" }, "not relative"},
		"undeclared base":        {func(r map[string]any) { delete(r, "originalUriBaseIds") }, "not declared"},
		"line 0":                 {func(r map[string]any) { region(result0(r)["locations"])["startLine"] = 0 }, "startLine"},
		"related no id":          {func(r map[string]any) { delete(result0(r)["relatedLocations"].([]any)[0].(map[string]any), "id") }, "no id"},
		"no invocation":          {func(r map[string]any) { delete(r, "invocations") }, "invocations"},
	} {
		t.Run(name, func(t *testing.T) {
			var log map[string]any
			require.NoError(t, json.Unmarshal(good, &log))
			if name == "bad version" {
				log["version"] = "2.0.0"
			}
			tc.edit(log["runs"].([]any)[0].(map[string]any))
			data, err := json.Marshal(log)
			require.NoError(t, err)
			err = sarif.Check(data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func driver(run map[string]any) map[string]any {
	return run["tool"].(map[string]any)["driver"].(map[string]any)
}
func rule0(run map[string]any) map[string]any {
	return driver(run)["rules"].([]any)[0].(map[string]any)
}
func result0(run map[string]any) map[string]any {
	return run["results"].([]any)[0].(map[string]any)
}
func phys(locs any) map[string]any {
	return locs.([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
}
func art(locs any) map[string]any    { return phys(locs)["artifactLocation"].(map[string]any) }
func region(locs any) map[string]any { return phys(locs)["region"].(map[string]any) }

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
