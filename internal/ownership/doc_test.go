package ownership

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docText returns a file with every run of white space made one space, so
// that a check does not depend on where the lines wrap.
func docText(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(src), "//", " ")
	return strings.Join(strings.Fields(text), " ")
}

// TestDocMapsEveryFile checks that the package doc, the map of the engine,
// names every file of the package and no file that does not exist.
func TestDocMapsEveryFile(t *testing.T) {
	doc := docText(t, "doc.go")
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, f := range files {
		if f != "doc.go" && !strings.HasSuffix(f, "_test.go") {
			sources = append(sources, f)
		}
	}
	for _, f := range sources {
		if !strings.Contains(doc, " "+f) && !strings.Contains(doc, "("+f) {
			t.Errorf("doc.go does not say what %s is for", f)
		}
	}
	for _, m := range regexp.MustCompile(`\b[a-z]+\.go\b`).FindAllString(doc, -1) {
		if !slices.Contains(sources, m) {
			t.Errorf("doc.go names %s, which is not a file of the package", m)
		}
	}
}

// TestDocBounds checks the bounds the docs state against the constants.
func TestDocBounds(t *testing.T) {
	for _, c := range []struct{ path, says string }{
		{"doc.go", fmt.Sprintf("maxStatesPerBlock (%d): distinct states", maxStatesPerBlock)},
		{"doc.go", fmt.Sprintf("maxRounds (%d): rounds", maxRounds)},
		{filepath.Join("..", "..", "docs", "reservedclose.md"), fmt.Sprintf("At most %d distinct states are explored per basic block", maxStatesPerBlock)},
	} {
		if !strings.Contains(docText(t, c.path), c.says) {
			t.Errorf("%s does not say %q", c.path, c.says)
		}
	}
}
