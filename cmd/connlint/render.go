package main

// Rendering go vet's results as the in-process driver prints them. The
// in-process driver (x/tools checker) analyses the packages go/packages
// returns: for a package p with tests, p, "p [p.test]" (p with its
// _test.go files), "p_test [p.test]" and the test main p.test, in go list
// -deps -test order. go vet analyses "p [p.test]" instead of p when p has
// in-package tests, so p's diagnostics are those of "p [p.test]" outside
// its _test.go files. Text output dedups by position and message, as the
// checker does; JSON lists each package; SARIF dedups and sorts by itself.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// jsonDiagnostic is a diagnostic as the analysis drivers write it in JSON
// (x/tools' driverutil.JSONDiagnostic, field for field): decoding and
// encoding it again gives back the same bytes.
type jsonDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end"`
	Message        string             `json:"message"`
	SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated      `json:"related,omitempty"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// render prints the results in the run's format and returns the exit
// code, or errFallBack (having printed nothing).
func render(r *cachedRun, roots []string, res *vetResults, stdout, stderr io.Writer) (int, error) {
	var out bytes.Buffer
	code, w := 0, stderr
	var err error
	switch {
	case r.format == "sarif":
		code, err = renderSARIF(&out, r, res)
		w = stdout
	case r.json:
		err = renderJSON(&out, r, roots, res)
		w = stdout
	default:
		code, err = renderText(&out, r, roots, res)
	}
	if err != nil {
		return 0, err
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return 1, nil
	}
	return code, nil
}

// rootDiagnostics returns the diagnostics the in-process driver's action
// of the named analyzer on root package id would report. go vet names a
// test variant "p [p.test]" by its import path alone, p.
func rootDiagnostics(res *vetResults, isRoot map[string]bool, id, analyzer string) []jsonDiagnostic {
	if path, _, variant := strings.Cut(id, " ["); variant {
		return res.diags[path][analyzer]
	}
	if !isRoot[id+" ["+id+".test]"] {
		return res.diags[id][analyzer]
	}
	var own []jsonDiagnostic // p's, of those of p with its _test.go files
	for _, d := range res.diags[id][analyzer] {
		if file, _, _, ok := splitPosn(d.Posn); ok && !strings.HasSuffix(file, "_test.go") {
			own = append(own, d)
		}
	}
	return own
}

func rootSet(roots []string) map[string]bool {
	m := make(map[string]bool, len(roots))
	for _, id := range roots {
		m[id] = true
	}
	return m
}

// renderText prints as the checker's text mode does: analyzer by analyzer,
// package by package, each diagnostic once, and returns 3 on findings.
func renderText(w io.Writer, r *cachedRun, roots []string, res *vetResults) (int, error) {
	type key struct{ posn, end, analyzer, message string }
	seen := make(map[key]bool)
	isRoot := rootSet(roots)
	n := 0
	for _, a := range r.analyzers {
		for _, id := range roots {
			for _, d := range rootDiagnostics(res, isRoot, id, a.Name) {
				n++
				k := key{d.Posn, d.End, a.Name, d.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
				if err := printPlain(w, r.context, d); err != nil {
					return 0, err
				}
			}
		}
	}
	if n > 0 {
		return 3, nil
	}
	return 0, nil
}

// printPlain prints a diagnostic and its related positions, with
// contextLines lines of source around each when it is not negative (as
// x/tools' driverutil.PrintPlain).
func printPlain(w io.Writer, contextLines int, d jsonDiagnostic) error {
	print := func(posn, end, message string) error {
		fmt.Fprintf(w, "%s: %s\n", posn, message)
		if contextLines < 0 {
			return nil
		}
		file, line, _, ok := splitPosn(posn)
		_, endLine, _, endOK := splitPosn(end)
		if !ok || !endOK {
			return errFallBack
		}
		data, _ := os.ReadFile(file)
		lines := strings.Split(string(data), "\n")
		for i := line - contextLines; i <= endLine+contextLines; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
			}
		}
		return nil
	}
	if err := print(d.Posn, d.End, d.Message); err != nil {
		return err
	}
	for _, rel := range d.Related {
		if err := print(rel.Posn, rel.End, "\t"+rel.Message); err != nil {
			return err
		}
	}
	return nil
}

// renderJSON prints the checker's -json tree: package ID → analyzer →
// diagnostics, for every root package with any.
func renderJSON(w io.Writer, r *cachedRun, roots []string, res *vetResults) error {
	tree := make(map[string]map[string][]jsonDiagnostic)
	isRoot := rootSet(roots)
	for _, id := range roots {
		for _, a := range r.analyzers {
			if diags := rootDiagnostics(res, isRoot, id, a.Name); len(diags) > 0 {
				if tree[id] == nil {
					tree[id] = make(map[string][]jsonDiagnostic)
				}
				tree[id][a.Name] = diags
			}
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// renderSARIF builds the SARIF log from the diagnostics of every analysed
// package (the builder collapses those reported in both a package and its
// test variant, and sorts), positions recomputed from the source files.
func renderSARIF(w io.Writer, r *cachedRun, res *vetResults) (int, error) {
	b, err := newSARIF(r.analyzers)
	if err != nil {
		return 0, errFallBack
	}
	pos := newPositions()
	ids := make([]string, 0, len(res.diags))
	for id := range res.diags {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, a := range r.analyzers {
			for _, jd := range res.diags[id][a.Name] {
				d, err := pos.diagnostic(jd)
				if err != nil {
					return 0, errFallBack
				}
				d.URL = res.urls[ruleURL{Analyzer: a.Name, Category: d.Category}]
				b.Add(pos.fset, a, d)
			}
		}
	}
	return writeSARIF(b, w), nil
}

// positions turns "file:line:col" back into token.Pos values, reading
// each file once.
type positions struct {
	fset  *token.FileSet
	files map[string]*token.File
}

func newPositions() *positions {
	return &positions{fset: token.NewFileSet(), files: make(map[string]*token.File)}
}

func (p *positions) pos(posn string) (token.Pos, error) {
	name, line, col, ok := splitPosn(posn)
	if !ok {
		return token.NoPos, fmt.Errorf("bad position %q", posn)
	}
	f := p.files[name]
	if f == nil {
		data, err := os.ReadFile(name)
		if err != nil {
			return token.NoPos, err
		}
		f = p.fset.AddFile(name, -1, len(data))
		f.SetLinesForContent(data)
		p.files[name] = f
	}
	if line < 1 || line > f.LineCount() {
		return token.NoPos, fmt.Errorf("%s: no line %d", name, line)
	}
	off := f.Offset(f.LineStart(line)) + max(col-1, 0)
	if off > f.Size() {
		return token.NoPos, fmt.Errorf("%s: no column %d on line %d", name, col, line)
	}
	return f.Pos(off), nil
}

func (p *positions) diagnostic(jd jsonDiagnostic) (analysis.Diagnostic, error) {
	d := analysis.Diagnostic{Category: jd.Category, Message: jd.Message}
	var err error
	if d.Pos, err = p.pos(jd.Posn); err != nil {
		return d, err
	}
	if d.End, err = p.pos(jd.End); err != nil {
		return d, err
	}
	for _, jr := range jd.Related {
		rel := analysis.RelatedInformation{Message: jr.Message}
		if rel.Pos, err = p.pos(jr.Posn); err != nil {
			return d, err
		}
		if rel.End, err = p.pos(jr.End); err != nil {
			return d, err
		}
		d.Related = append(d.Related, rel)
	}
	return d, nil
}

// splitPosn splits a token.Position string, "file:line:col" or
// "file:line".
func splitPosn(posn string) (file string, line, col int, ok bool) {
	rest, last, found := cutLast(posn, ":")
	if !found {
		return "", 0, 0, false
	}
	n, err := strconv.Atoi(last)
	if err != nil {
		return "", 0, 0, false
	}
	if f, mid, found := cutLast(rest, ":"); found {
		if l, err := strconv.Atoi(mid); err == nil {
			return f, l, n, true
		}
	}
	return rest, n, 0, true
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// resolveURL is a diagnostic's documentation URL as the analysis drivers
// resolve it (x/tools' driverutil.ResolveURL): its own URL, or else
// #category, relative to the analyzer's URL.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) string {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return ""
	}
	raw := d.URL
	if raw == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return d.URL
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return d.URL
	}
	return base.ResolveReference(u).String()
}
