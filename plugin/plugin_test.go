package plugin_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
	"github.com/connlint/connlint/plugin"
)

// build calls the registered constructor the way golangci-lint does, with
// settings as viper decodes them from YAML.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("connlint")
	require.NoError(t, err, "the blank import registers the plugin")
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func flagValue(t *testing.T, a *analysis.Analyzer, name string) string {
	t.Helper()
	f := a.Flags.Lookup(name)
	require.NotNil(t, f, "%s has flag %s", a.Name, name)
	return f.Value.String()
}

func TestNoSettings(t *testing.T) {
	as, err := build(t, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"reservedclose", "refcycle"}, names(as))
	for _, a := range as {
		assert.NoError(t, analysis.Validate([]*analysis.Analyzer{a}))
	}
	assert.Equal(t, "false", flagValue(t, as[0], "strict"))
	assert.Equal(t, "false", flagValue(t, as[1], "registry"))
}

func TestSettingsMirrorFlags(t *testing.T) {
	as, err := build(t, map[string]any{
		"strict": true,
		"acquire": []any{
			map[string]any{"func": "example.com/pool.Pool.Get", "release": []any{"Put", "Close"}},
			map[string]any{"func": "example.com/pool.Dial", "release": []any{"Hangup"}},
		},
		"refcycle": map[string]any{"registry": true},
	})
	require.NoError(t, err)
	require.Equal(t, []string{"reservedclose", "refcycle"}, names(as))
	assert.Equal(t, "true", flagValue(t, as[0], "strict"))
	assert.Equal(t, "example.com/pool.Pool.Get:Put,Close;example.com/pool.Dial:Hangup", flagValue(t, as[0], "acquire"))
	assert.Equal(t, "true", flagValue(t, as[1], "registry"))

	// The package-level analyzers (the binary's defaults) are untouched.
	assert.Equal(t, "false", flagValue(t, reservedclose.Analyzer, "strict"))
	assert.Equal(t, "", flagValue(t, reservedclose.Analyzer, "acquire"))
	assert.Equal(t, "false", flagValue(t, refcycle.Analyzer, "registry"))
}

func TestDisable(t *testing.T) {
	as, err := build(t, map[string]any{"disable": []any{"refcycle"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"reservedclose"}, names(as))

	as, err = build(t, map[string]any{"disable": []any{"reservedclose"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"refcycle"}, names(as))
}

func TestBadSettingsFailLoudly(t *testing.T) {
	for name, tc := range map[string]struct {
		settings any
		want     string
	}{
		"misspelled key":        {map[string]any{"stirct": true}, `unknown field "stirct"`},
		"misspelled nested key": {map[string]any{"refcycle": map[string]any{"registery": true}}, `unknown field "registery"`},
		"misspelled entry key":  {map[string]any{"acquire": []any{map[string]any{"func": "a.B", "releases": []any{"Put"}}}}, `unknown field "releases"`},
		"wrong type":            {map[string]any{"strict": "yes"}, "strict"},
		"release not a list":    {map[string]any{"acquire": []any{map[string]any{"func": "a.B", "release": "Put"}}}, "release"},
		"no release":            {map[string]any{"acquire": []any{map[string]any{"func": "example.com/p.F"}}}, "no release methods"},
		"func without package":  {map[string]any{"acquire": []any{map[string]any{"func": "Get", "release": []any{"Put"}}}}, "pkgpath.Func"},
		"unknown analyzer":      {map[string]any{"disable": []any{"reservedclos"}}, `unknown analyzer "reservedclos"`},
		"everything disabled":   {map[string]any{"disable": []any{"reservedclose", "refcycle"}}, "every analyzer is disabled"},
		"malformed families":    {map[string]any{"families": []any{"../testdata/families/malformed.yaml"}}, "malformed.yaml: line 5: field tied_to_contxt not found"},
		"missing families":      {map[string]any{"families": []any{"no-such.yaml"}}, "no-such.yaml"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := build(t, tc.settings)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "connlint settings")
		})
	}
}

// TestAcquireSettingReachesTheAnalysis runs the analyzer built from plugin
// settings on the same package as reservedclose's -acquire test.
func TestAcquireSettingReachesTheAnalysis(t *testing.T) {
	as, err := plugin.Analyzers(plugin.Settings{
		Acquire: []plugin.Acquire{
			{Func: "extra/thirdparty.Pool.Take", Release: []string{"Done"}},
			{Func: "extra/thirdparty.Pool.Results", Release: []string{"Close"}},
		},
		Disable: []string{"refcycle"},
	})
	require.NoError(t, err)
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	require.NoError(t, err)
	analysistest.Run(diagnosticsOnly{t}, testdata, as[0], "extra/use")
}

// TestFamiliesSettingReachesTheAnalysis: the same, declared in a families
// file.
func TestFamiliesSettingReachesTheAnalysis(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	require.NoError(t, err)
	as, err := plugin.Analyzers(plugin.Settings{
		Families: []string{filepath.Join(testdata, "families", "thirdparty.yaml")},
		Disable:  []string{"refcycle"},
	})
	require.NoError(t, err)
	analysistest.Run(diagnosticsOnly{t}, testdata, as[0], "extra/use")
}

// diagnosticsOnly ignores facts the test package does not spell out.
type diagnosticsOnly struct{ *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.Helper()
	if strings.Contains(format, "unexpected %s") && len(args) > 1 && args[1] == "fact" {
		return
	}
	d.T.Errorf(format, args...)
}
