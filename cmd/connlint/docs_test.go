package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/connlint/connlint/internal/sarif"
)

// codeBlock returns the fenced code block of a Markdown file whose first
// line is first.
func codeBlock(t *testing.T, path, first string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(src), "\n"+first+"\n")
	require.True(t, ok, "%s has a code block starting %q", path, first)
	body, _, ok := strings.Cut(rest, "\n```")
	require.True(t, ok)
	return first + "\n" + body + "\n"
}

type workflow struct {
	Jobs map[string]struct {
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestREADMEWorkflow runs the connlint step of the README's GitHub Actions
// workflow with bash, as the runner does, and checks the SARIF it leaves
// for the upload step.
func TestREADMEWorkflow(t *testing.T) {
	t.Parallel()
	const first = "# .github/workflows/connlint.yml"
	text := codeBlock(t, filepath.Join(repo, "README.md"), first)
	assert.Equal(t, text, codeBlock(t, filepath.Join(repo, "docs", "integrations.md"), first), "README and docs show the same workflow")

	var wf workflow
	require.NoError(t, yaml.Unmarshal([]byte(text), &wf))
	job, ok := wf.Jobs["connlint"]
	require.True(t, ok)
	assert.Equal(t, "write", job.Permissions["security-events"], "uploading SARIF needs security-events: write")
	var script, sarifFile string
	for _, s := range job.Steps {
		if strings.Contains(s.Run, "connlint -format=sarif") {
			script = s.Run
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			sarifFile = s.With["sarif_file"]
		}
	}
	require.NotEmpty(t, script)
	require.NotEmpty(t, sarifFile)

	env := []string{"PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")}
	for _, tc := range []struct {
		name    string
		remove  []string // packages removed from the module
		ok      bool
		results int
	}{
		{"findings", []string{"broken"}, true, 4},
		{"clean", []string{"broken", "leaky", "stack", "afterfunc", "suppressed"}, true, 0},
		// ./broken does not type-check (what else is in the module only
		// makes the uncached run that follows longer).
		{"load error", []string{"leaky", "stack", "afterfunc", "suppressed", "extra"}, false, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			root, mod := copyModule(t, "")
			require.NoError(t, os.Mkdir(filepath.Join(root, ".git"), 0o755))
			for _, p := range tc.remove {
				require.NoError(t, os.RemoveAll(filepath.Join(mod, p)))
			}
			r := run(t, mod, env, "bash", "-e", "-c", script)
			if !tc.ok {
				assert.NotEqual(t, 0, r.code, "an error fails the job")
				return
			}
			require.Equal(t, 0, r.code, r.stderr)
			data, err := os.ReadFile(filepath.Join(mod, sarifFile))
			require.NoError(t, err)
			require.NoError(t, sarif.Check(data))
			var log sarif.Log
			require.NoError(t, json.Unmarshal(data, &log))
			assert.Len(t, log.Runs[0].Results, tc.results)
		})
	}
}
