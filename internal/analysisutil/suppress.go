package analysisutil

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/connlint/connlint/internal/directive"
)

// Suppressions answers "is a report at this position silenced?" for the
// files of one pass. A report is silenced by a comment on its line or on the
// line above:
//
//	//connlint:ignore REASON
//	//nolint:connlint (or //nolint:all, or //nolint:NAME for the analyzer)
//
// golangci-lint applies its own //nolint handling; honouring the same
// comments here gives standalone and go vet runs the same behaviour.
type Suppressions struct {
	fset     *token.FileSet
	analyzer string
	lines    map[*token.File]map[int]bool
	files    []*ast.File
}

// NewSuppressions prepares suppression lookups for an analyzer's pass.
func NewSuppressions(fset *token.FileSet, files []*ast.File, analyzer string) *Suppressions {
	return &Suppressions{fset: fset, analyzer: analyzer, files: files, lines: make(map[*token.File]map[int]bool)}
}

// Silenced reports whether a report at pos is suppressed.
func (s *Suppressions) Silenced(pos token.Pos) bool {
	tf := s.fset.File(pos)
	if tf == nil {
		return false
	}
	lines, ok := s.lines[tf]
	if !ok {
		lines = s.index(tf, FileOf(s.files, pos))
		s.lines[tf] = lines
	}
	line := tf.Line(pos)
	return lines[line] || lines[line-1]
}

func (s *Suppressions) index(tf *token.File, f *ast.File) map[int]bool {
	lines := make(map[int]bool)
	if f == nil {
		return lines
	}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if s.silences(c) {
				lines[tf.Line(c.Slash)] = true
			}
		}
	}
	return lines
}

func (s *Suppressions) silences(c *ast.Comment) bool {
	if d, ok := directive.Parse(c); ok {
		return d.Verb == directive.Ignore && d.Arg != ""
	}
	rest, ok := strings.CutPrefix(c.Text, "//nolint:")
	if !ok {
		return false
	}
	rest, _, _ = strings.Cut(rest, " ")
	rest, _, _ = strings.Cut(rest, "//")
	for name := range strings.SplitSeq(rest, ",") {
		switch strings.TrimSpace(name) {
		case "connlint", "all", s.analyzer:
			return true
		}
	}
	return false
}

// IsGenerated reports whether the file holding pos is generated code.
func IsGenerated(files []*ast.File, pos token.Pos) bool {
	f := FileOf(files, pos)
	return f != nil && ast.IsGenerated(f)
}
