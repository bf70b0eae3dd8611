package plugin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// yamlBlocks returns the yaml code blocks of a Markdown file.
func yamlBlocks(t *testing.T, path string) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	var blocks []string
	rest := string(src)
	for {
		var ok bool
		_, rest, ok = strings.Cut(rest, "```yaml\n")
		if !ok {
			return blocks
		}
		var block string
		block, rest, _ = strings.Cut(rest, "```")
		blocks = append(blocks, block)
	}
}

// golangciConfig is the part of .golangci.yml (v2) the plugin depends on.
type golangciConfig struct {
	Version string `yaml:"version"`
	Linters struct {
		Enable   []string `yaml:"enable"`
		Settings struct {
			Custom map[string]struct {
				Type     string `yaml:"type"`
				Settings any    `yaml:"settings"`
			} `yaml:"custom"`
		} `yaml:"settings"`
	} `yaml:"linters"`
}

type customGCL struct {
	Version string `yaml:"version"`
	Plugins []struct {
		Module, Import, Version, Path string
	} `yaml:"plugins"`
}

// TestDocumentedConfigs checks that the .custom-gcl.yml and .golangci.yml
// examples in the README, docs/integrations.md and testdata/golangci are
// ones golangci-lint v2 would accept and that the plugin accepts their
// settings.
func TestDocumentedConfigs(t *testing.T) {
	var golangci, custom []string
	for _, doc := range []string{"README.md", filepath.Join("docs", "integrations.md")} {
		for _, b := range yamlBlocks(t, filepath.Join("..", doc)) {
			switch {
			case strings.Contains(b, "type: module"):
				golangci = append(golangci, b)
			case strings.Contains(b, "plugins:"):
				custom = append(custom, b)
			}
		}
	}
	require.Len(t, golangci, 2, "one .golangci.yml example in each document")
	require.Len(t, custom, 2, "one .custom-gcl.yml example in each document")
	for _, f := range []string{".golangci.yml", "configs/settings.yml", "configs/disable.yml"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "golangci", filepath.FromSlash(f)))
		require.NoError(t, err)
		golangci = append(golangci, string(src))
	}
	src, err := os.ReadFile(filepath.Join("..", "testdata", "golangci", ".custom-gcl.yml"))
	require.NoError(t, err)
	custom = append(custom, string(src))

	for _, text := range golangci {
		var cfg golangciConfig
		dec := yaml.NewDecoder(strings.NewReader(text))
		require.NoError(t, dec.Decode(&cfg), text)
		assert.Equal(t, "2", cfg.Version, "golangci-lint v2 configuration")
		assert.Contains(t, cfg.Linters.Enable, "connlint")
		c, ok := cfg.Linters.Settings.Custom["connlint"]
		require.True(t, ok, text)
		assert.Equal(t, "module", c.Type)
		newPlugin, err := register.GetPlugin("connlint")
		require.NoError(t, err)
		_, err = newPlugin(c.Settings)
		assert.NoError(t, err, text)
	}
	for _, text := range custom {
		var cfg customGCL
		require.NoError(t, yaml.Unmarshal([]byte(text), &cfg), text)
		assert.Equal(t, "v2.15.0", cfg.Version)
		require.Len(t, cfg.Plugins, 1)
		p := cfg.Plugins[0]
		assert.Equal(t, "github.com/connlint/connlint", p.Module)
		assert.Equal(t, "github.com/connlint/connlint/plugin", p.Import)
		assert.True(t, p.Version != "" || p.Path != "", "a version or a path")
	}
}
