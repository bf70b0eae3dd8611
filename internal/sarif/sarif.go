// Package sarif writes analysis diagnostics as a SARIF 2.1.0 log, the
// format GitHub code scanning ingests.
//
// The log has one run. Its rules are the analyzers (help from
// Analyzer.Doc, helpUri from Analyzer.URL) and, for diagnostics that carry
// a category, one rule per analyzer/category whose helpUri is the
// diagnostic's own URL (the section of the docs for that rule). Results
// point at files relative to a source root (uriBaseId %SRCROOT%), with
// UTF-16 columns as GitHub expects, and carry the diagnostic's related
// information (for reservedclose, the leaking exit) as related locations.
//
// Only the subset of SARIF that code scanning reads is written; the types
// mirror the schema's names so a reader can check them against it.
package sarif

import (
	"cmp"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Version and Schema identify the format written.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// SrcRoot is the uriBaseId of every file under the source root.
	SrcRoot = "%SRCROOT%"
)

// Log is a sarifLog.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is a run: one invocation of one tool.
type Run struct {
	Tool               Tool                        `json:"tool"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Invocations        []Invocation                `json:"invocations"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []Result                    `json:"results"`
}

// Tool is a tool; only its driver is written.
type Tool struct {
	Driver ToolComponent `json:"driver"`
}

// ToolComponent is the tool's driver: its name, version and rules.
type ToolComponent struct {
	Name           string                `json:"name"`
	Version        string                `json:"version,omitempty"`
	InformationURI string                `json:"informationUri,omitempty"`
	Rules          []ReportingDescriptor `json:"rules"`
}

// ReportingDescriptor is a rule.
type ReportingDescriptor struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     *Message        `json:"shortDescription,omitempty"`
	FullDescription      *Message        `json:"fullDescription,omitempty"`
	Help                 *Message        `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration *Configuration  `json:"defaultConfiguration,omitempty"`
	Properties           *RuleProperties `json:"properties,omitempty"`
}

// Configuration is a reportingConfiguration.
type Configuration struct {
	Level string `json:"level"`
}

// RuleProperties is the property bag of a rule: GitHub reads its tags.
type RuleProperties struct {
	Tags []string `json:"tags,omitempty"`
}

// Message is a message, or a multiformatMessageString where Markdown is
// allowed.
type Message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Result is one finding.
type Result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level"`
	Message          Message    `json:"message"`
	Locations        []Location `json:"locations"`
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
}

// Location is a location; ID and Message are set on related locations.
type Location struct {
	ID               int              `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// PhysicalLocation is a file and a region in it.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation is a file: a URI relative to URIBaseID when that is set.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a range of text; columns are 1-based UTF-16 code units.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Invocation says whether the run succeeded and why not.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

// Notification is a problem of the run itself (a package that does not
// load, an analyzer that failed).
type Notification struct {
	Level   string  `json:"level"`
	Message Message `json:"message"`
}

// Write encodes the log as indented JSON.
func (l *Log) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

// Options describe the tool and where its files live.
type Options struct {
	Name, Version, InformationURI string
	// Root is the source root (the repository's top directory): files
	// under it get URIs relative to it, others absolute file URIs.
	Root string
	// ReadFile reads a source file to compute UTF-16 columns; nil means
	// os.ReadFile. Columns stay byte-based where a file cannot be read.
	ReadFile func(string) ([]byte, error)
}

// A Builder collects diagnostics and errors, then makes the log.
type Builder struct {
	opts      Options
	analyzers []*analysis.Analyzer
	byName    map[string]*analysis.Analyzer
	results   []Result
	seen      map[string]bool   // results already added
	urls      map[string]string // analyzer/category rule → its docs URL
	errors    []Notification
	files     map[string][]byte // sources read for UTF-16 columns
}

// New returns a builder whose log lists a rule for each analyzer.
func New(opts Options, analyzers []*analysis.Analyzer) *Builder {
	if opts.ReadFile == nil {
		opts.ReadFile = os.ReadFile
	}
	b := &Builder{
		opts:      opts,
		analyzers: analyzers,
		byName:    make(map[string]*analysis.Analyzer),
		seen:      make(map[string]bool),
		urls:      make(map[string]string),
		files:     make(map[string][]byte),
	}
	for _, a := range analyzers {
		b.byName[a.Name] = a
	}
	return b
}

// Add records a diagnostic of analyzer a. A diagnostic reported twice (a
// file in both a package and its test variant) is recorded once.
func (b *Builder) Add(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) {
	if _, ok := b.byName[a.Name]; !ok {
		b.analyzers = append(b.analyzers, a)
		b.byName[a.Name] = a
	}
	id := a.Name
	if d.Category != "" {
		id += "/" + d.Category
	}
	r := Result{
		RuleID:    id,
		Level:     "warning",
		Message:   Message{Text: d.Message},
		Locations: []Location{{PhysicalLocation: b.physical(fset, d.Pos, d.End)}},
	}
	for i, rel := range d.Related {
		r.RelatedLocations = append(r.RelatedLocations, Location{
			ID:               i + 1,
			PhysicalLocation: b.physical(fset, rel.Pos, rel.End),
			Message:          &Message{Text: rel.Message},
		})
	}
	key, _ := json.Marshal(r)
	if b.seen[string(key)] {
		return
	}
	b.seen[string(key)] = true
	if _, ok := b.urls[id]; !ok && d.Category != "" {
		b.urls[id] = d.URL
	}
	b.results = append(b.results, r)
}

// Error records a problem that made the run incomplete.
func (b *Builder) Error(msg string) {
	b.errors = append(b.errors, Notification{Level: "error", Message: Message{Text: msg}})
}

// Log returns the SARIF log: rules for every analyzer, then for every
// analyzer/category with a result, results sorted by file and position.
func (b *Builder) Log() *Log {
	var rules []ReportingDescriptor
	index := make(map[string]int)
	for _, a := range b.analyzers {
		index[a.Name] = len(rules)
		rules = append(rules, analyzerRule(a))
	}
	var cats []string
	for _, r := range b.results {
		if _, ok := index[r.RuleID]; !ok && !slices.Contains(cats, r.RuleID) {
			cats = append(cats, r.RuleID)
		}
	}
	slices.Sort(cats)
	for _, id := range cats {
		name, cat, _ := strings.Cut(id, "/")
		index[id] = len(rules)
		rules = append(rules, categoryRule(b.byName[name], cat, b.urls[id]))
	}

	results := slices.Clone(b.results)
	if results == nil {
		results = []Result{}
	}
	for i := range results {
		results[i].RuleIndex = index[results[i].RuleID]
	}
	slices.SortStableFunc(results, compareResults)

	run := Run{
		Tool: Tool{Driver: ToolComponent{
			Name:           b.opts.Name,
			Version:        b.opts.Version,
			InformationURI: b.opts.InformationURI,
			Rules:          rules,
		}},
		Invocations: []Invocation{{
			ExecutionSuccessful:        len(b.errors) == 0,
			ToolExecutionNotifications: b.errors,
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    results,
	}
	if b.opts.Root != "" {
		run.OriginalURIBaseIDs = map[string]ArtifactLocation{SrcRoot: {URI: fileURI(b.opts.Root, true)}}
	}
	return &Log{Schema: Schema, Version: Version, Runs: []Run{run}}
}

func compareResults(x, y Result) int {
	px, py := x.Locations[0].PhysicalLocation, y.Locations[0].PhysicalLocation
	if c := cmp.Compare(px.ArtifactLocation.URI, py.ArtifactLocation.URI); c != 0 {
		return c
	}
	lx, cx := startOf(px.Region)
	ly, cy := startOf(py.Region)
	return cmp.Or(cmp.Compare(lx, ly), cmp.Compare(cx, cy),
		cmp.Compare(x.RuleID, y.RuleID), cmp.Compare(x.Message.Text, y.Message.Text))
}

func startOf(r *Region) (line, col int) {
	if r == nil {
		return 0, 0
	}
	return r.StartLine, r.StartColumn
}

// analyzerRule describes an analyzer: the title line of its Doc ("name:
// title") is the short description, the first paragraph after it the full
// description, the whole Doc the help.
func analyzerRule(a *analysis.Analyzer) ReportingDescriptor {
	title, body := splitDoc(a)
	full := title
	if p := firstParagraph(body); p != "" {
		full = p
	}
	help := a.Doc
	markdown := a.Doc
	if a.URL != "" {
		help += "\n\nDocumentation: " + a.URL
		markdown += "\n\n[Documentation](" + a.URL + ")"
	}
	return ReportingDescriptor{
		ID:                   a.Name,
		Name:                 a.Name,
		ShortDescription:     &Message{Text: title},
		FullDescription:      &Message{Text: full},
		Help:                 &Message{Text: help, Markdown: markdown},
		HelpURI:              a.URL,
		DefaultConfiguration: &Configuration{Level: "warning"},
		Properties:           &RuleProperties{Tags: []string{"go", "reliability"}},
	}
}

// categoryRule describes one category of an analyzer's reports. Its help
// is the paragraph of the Doc that starts with the category ("R3, unlinked
// node keeps its link: ..."), or else the analyzer's help; its helpUri is
// the documentation section its diagnostics link to.
func categoryRule(a *analysis.Analyzer, cat, u string) ReportingDescriptor {
	r := analyzerRule(a)
	r.ID = a.Name + "/" + cat
	r.Name = a.Name + "/" + cat
	if u != "" {
		r.HelpURI = u
	}
	_, body := splitDoc(a)
	if p := paragraphStarting(body, cat); p != "" {
		short, _, _ := strings.Cut(p, ":")
		r.ShortDescription = &Message{Text: short}
		r.FullDescription = &Message{Text: p}
		r.Help = &Message{Text: p + "\n\nDocumentation: " + r.HelpURI, Markdown: p + "\n\n[Documentation](" + r.HelpURI + ")"}
	} else {
		r.ShortDescription = &Message{Text: r.ShortDescription.Text + " (" + cat + ")"}
	}
	return r
}

// splitDoc returns the title line of an analyzer's Doc, without its "name: "
// prefix, and the rest.
func splitDoc(a *analysis.Analyzer) (title, body string) {
	title, body, _ = strings.Cut(strings.TrimSpace(a.Doc), "\n")
	title = strings.TrimPrefix(title, a.Name+": ")
	return title, body
}

func paragraphs(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Join(strings.Fields(p), " "))
		}
	}
	return out
}

func firstParagraph(s string) string {
	if ps := paragraphs(s); len(ps) > 0 {
		return ps[0]
	}
	return ""
}

func paragraphStarting(s, word string) string {
	for _, p := range paragraphs(s) {
		if rest, ok := strings.CutPrefix(p, word); ok && rest != "" && (rest[0] == ',' || rest[0] == ':') {
			return p
		}
	}
	return ""
}

// physical returns the location of [pos, end).
func (b *Builder) physical(fset *token.FileSet, pos, end token.Pos) PhysicalLocation {
	start := fset.Position(pos)
	loc := PhysicalLocation{ArtifactLocation: b.artifact(start.Filename)}
	if start.Line == 0 {
		return loc
	}
	r := &Region{StartLine: start.Line, StartColumn: b.column(start)}
	if end.IsValid() && end > pos {
		if e := fset.Position(end); e.Filename == start.Filename {
			r.EndLine, r.EndColumn = e.Line, b.column(e)
		}
	}
	loc.Region = r
	return loc
}

// artifact names a file relative to the source root when it is under it.
func (b *Builder) artifact(filename string) ArtifactLocation {
	if b.opts.Root != "" && filepath.IsAbs(filename) {
		if rel, err := filepath.Rel(b.opts.Root, filename); err == nil && filepath.IsLocal(rel) {
			return ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: SrcRoot}
		}
	}
	if filepath.IsAbs(filename) {
		return ArtifactLocation{URI: fileURI(filename, false)}
	}
	return ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(filename)}).EscapedPath()}
}

// fileURI returns the file: URI of an absolute path, ending with a slash
// for a directory.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// column converts a byte column to UTF-16 code units.
func (b *Builder) column(p token.Position) int {
	src, ok := b.files[p.Filename]
	if !ok {
		src, _ = b.opts.ReadFile(p.Filename)
		b.files[p.Filename] = src
	}
	lineStart := p.Offset - (p.Column - 1)
	if src == nil || lineStart < 0 || p.Offset > len(src) {
		return p.Column
	}
	n := 0
	for s := src[lineStart:p.Offset]; len(s) > 0; {
		r, size := utf8.DecodeRune(s) // an invalid byte is U+FFFD: one unit
		n += utf16.RuneLen(r)
		s = s[size:]
	}
	return n + 1
}
