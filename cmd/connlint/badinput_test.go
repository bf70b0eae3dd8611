package main_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestBadInput: every kind of bad input gets a message that names the
// problem (and where it is) and a non-zero exit, never a panic, a Go stack
// or a silent exit 0. Cases that need a broken file make it in a copy of
// the e2e module.
func TestBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, mod string) // changes a copy of the module
		args  []string
		code  int
		want  []string // substrings of stderr
	}{
		{
			name: "pattern naming a missing directory",
			args: []string{"./nosuch/..."},
			code: 1,
			want: []string{"lstat ./nosuch/: no such file or directory"},
		},
		{
			name: "pattern matching no packages",
			args: []string{"./clean/x..."},
			code: 1,
			want: []string{"connlint: ./clean/x... matched no packages"},
		},
		{
			name: "syntax error",
			setup: func(t *testing.T, mod string) {
				write(t, filepath.Join(mod, "syntax", "syntax.go"), "package syntax\n\nfunc F( {\n")
			},
			args: []string{"./syntax"},
			code: 1,
			want: []string{filepath.Join("syntax", "syntax.go") + ":3:9: expected ')', found '{'"},
		},
		{
			name: "type error",
			args: []string{"./broken"},
			code: 1,
			want: []string{filepath.Join("broken", "broken.go") + ":5:23: undefined: undefinedName"},
		},
		{
			name: "unknown flag",
			args: []string{"-nosuch", "./clean"},
			code: 1,
			want: []string{"flag provided but not defined: -nosuch"},
		},
		{
			name: "bad flag value",
			args: []string{"-reservedclose.acquire", "nodot:Close", "./clean"},
			code: 1,
			want: []string{`invalid value "nodot:Close" for flag -reservedclose.acquire`},
		},
		{
			name: "malformed families file",
			setup: func(t *testing.T, mod string) {
				write(t, filepath.Join(mod, "families.yaml"), "families:\n  - type: example.com/p.T\n    acquired_by: [example.com/p.New]\n")
			},
			args: []string{"-reservedclose.families", "families.yaml", "./clean"},
			code: 1,
			want: []string{`invalid value "families.yaml" for flag -reservedclose.families: families.yaml:2: family example.com/p.T: no release method`},
		},
		{
			name: "missing families file",
			args: []string{"-reservedclose.families", "no-such.yaml", "./clean"},
			code: 1,
			want: []string{`invalid value "no-such.yaml" for flag -reservedclose.families: open no-such.yaml`},
		},
		{
			name: "bad format",
			args: []string{"-format=yaml", "./clean"},
			code: 1,
			want: []string{`connlint: invalid value "yaml" for -format: want text or sarif`},
		},
		{
			name: "malformed directive",
			setup: func(t *testing.T, mod string) {
				write(t, filepath.Join(mod, "typo", "typo.go"), "package typo\n\n//connlint:aquire\nfunc Get() *int { return nil }\n")
			},
			args: []string{"./typo"},
			code: 3, // a finding, reported where it is, like vet's buildtag check
			want: []string{filepath.Join("typo", "typo.go") + ":3:1: unknown directive //connlint:aquire"},
		},
		{
			name: "unreadable file (a dangling symlink)",
			setup: func(t *testing.T, mod string) {
				dir := filepath.Join(mod, "dangling")
				write(t, filepath.Join(dir, "ok.go"), "package dangling\n")
				if err := os.Symlink(filepath.Join(dir, "missing.go"), filepath.Join(dir, "gone.go")); err != nil {
					t.Skipf("cannot make a symlink here: %v", err)
				}
			},
			args: []string{"./dangling"},
			code: 1,
			want: []string{filepath.Join("dangling", "gone.go") + ": no such file or directory"},
		},
		{
			name: "unreadable file (no read permission)",
			setup: func(t *testing.T, mod string) {
				if os.Geteuid() == 0 {
					t.Skip("root reads files whatever their mode")
				}
				path := filepath.Join(mod, "secret", "secret.go")
				write(t, path, "package secret\n")
				if err := os.Chmod(path, 0); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(path, 0o644) })
			},
			args: []string{"./secret"},
			code: 1,
			want: []string{"secret.go", "permission denied"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := e2e
			if tc.setup != nil {
				_, dir = copyModule(t, "")
				tc.setup(t, dir)
			}
			r := connlint(t, dir, tc.args...)
			assert.Equal(t, tc.code, r.code, "connlint %v\nstderr:\n%s", tc.args, r.stderr)
			for _, w := range tc.want {
				assert.Contains(t, r.stderr, w)
			}
			assert.NotContains(t, r.stderr, "panic")
			assert.NotContains(t, r.stderr, "goroutine ")
		})
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
