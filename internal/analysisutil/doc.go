// Package analysisutil holds helpers shared by connlint's analyzers that are
// about the go/analysis framework rather than about resources: extracting
// documentation, finding the file of a position, honouring suppression
// comments.
package analysisutil

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// MustExtractDoc returns the section "# Analyzer NAME" of a package doc
// comment, the way x/tools' analyzers embed their doc.go. It panics when the
// section is missing: a programming error caught by any test.
func MustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(content, name string) (string, error) {
	var lines []string
	in := false
	for line := range strings.SplitSeq(content, "\n") {
		text, isComment := strings.CutPrefix(line, "//")
		if !isComment {
			if in {
				break
			}
			continue
		}
		text = strings.TrimPrefix(text, " ")
		if heading, ok := strings.CutPrefix(text, "# "); ok {
			if in {
				break
			}
			in = heading == "Analyzer "+name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	if !in && len(lines) == 0 {
		return "", fmt.Errorf("doc.go has no section \"# Analyzer %s\"", name)
	}
	return strings.TrimSpace(strings.Join(lines, "\n")), nil
}

// FileOf returns the file of the pass that contains pos, or nil.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// SortDiagnostics orders diagnostics by file name, line and column. A
// token.Pos order is not stable across runs: files enter the FileSet in the
// order the driver happens to parse them, which it does in parallel.
func SortDiagnostics(fset *token.FileSet, diags []analysis.Diagnostic) {
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int {
		pa, pb := fset.Position(a.Pos), fset.Position(b.Pos)
		if c := cmp.Compare(pa.Filename, pb.Filename); c != 0 {
			return c
		}
		if c := cmp.Compare(pa.Line, pb.Line); c != 0 {
			return c
		}
		return cmp.Compare(pa.Column, pb.Column)
	})
}
