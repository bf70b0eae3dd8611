package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readme returns bench/README.md with every run of white space made one
// space, so that a check does not depend on where the lines wrap.
func readme(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(src)), " ")
}

// TestREADMEDeterminismStatus checks that README.md says what the
// determinism test does: the ordering bug is fixed exactly when
// unsortedOpen is empty.
func TestREADMEDeterminismStatus(t *testing.T) {
	const fixed = "`unsortedOpen` in the test is empty"
	doc := readme(t)
	switch says := strings.Contains(doc, fixed); {
	case unsortedOpen == "" && !says:
		t.Errorf("README.md does not say %q, but unsortedOpen is empty", fixed)
	case unsortedOpen != "" && says:
		t.Errorf("README.md says %q, but unsortedOpen is %q", fixed, unsortedOpen)
	}
}

// TestREADMEManyFiles checks the file count README.md gives for package
// testdata/many.
func TestREADMEManyFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "many", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Package `testdata/many` (" + strconv.Itoa(len(files)) + " files"
	if !strings.Contains(readme(t), want) {
		t.Errorf("README.md does not say %q", want)
	}
}
