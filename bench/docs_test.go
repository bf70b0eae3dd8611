package bench

import (
	"os"
	"path/filepath"
	"regexp"
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

// TestSweepTimeAgrees checks that the script and the docs that show how
// to run the whole sweep give it the same time.
func TestSweepTimeAgrees(t *testing.T) {
	usage := regexp.MustCompile(`(?m)^[#\s]*scripts/sweep\.sh\s+#.*?(about \d+(?:-\d+)? minutes on \d+ CPUs)`)
	var first, firstFile string
	for _, f := range []string{"../scripts/sweep.sh", "../docs/triage.md", "README.md", "../CONTRIBUTING.md"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := usage.FindSubmatch(src)
		if m == nil {
			t.Errorf("%s does not say how long scripts/sweep.sh takes", f)
			continue
		}
		switch {
		case first == "":
			first, firstFile = string(m[1]), f
		case string(m[1]) != first:
			t.Errorf("%s says the sweep takes %s, %s says %s", f, m[1], firstFile, first)
		}
	}
}
