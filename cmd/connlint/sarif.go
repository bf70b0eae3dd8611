package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connlint/connlint/internal/sarif"
)

const informationURI = "https://github.com/connlint/connlint"

// runSARIF is connlint -format=sarif: it loads and analyses the packages as
// the text mode does (same analyzer flags, -test), writes one SARIF log to
// stdout, even when some packages fail, and returns the exit code: 1 on any
// error, else 3 on findings, else 0.
func runSARIF(args []string, all []*analysis.Analyzer, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("connlint -format=sarif", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tests := fs.Bool("test", true, "analyze test files too")
	fs.Bool(cacheFlag, true, cacheUsage) // this is the uncached driver
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range all {
		enabled[a] = new(triState)
		fs.Var(enabled[a], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "connlint: no packages to analyze")
		return 1
	}
	analyzers := selectAnalyzers(all, enabled)

	b, err := newSARIF(analyzers)
	if err != nil {
		fmt.Fprintf(stderr, "connlint: %v\n", err)
		return 1
	}
	fail := func(msg string) {
		fmt.Fprintln(stderr, msg)
		b.Error(msg)
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: *tests}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	switch {
	case err != nil:
		fail(err.Error())
	case len(pkgs) == 0:
		fail(fmt.Sprintf("%v matched no packages", fs.Args()))
	default:
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				fail(e.Error())
			}
		})
		graph, err := checker.Analyze(analyzers, pkgs, nil)
		if err != nil {
			fail(err.Error())
			break
		}
		for act := range graph.All() {
			if act.Err != nil {
				fail(fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err))
			} else if act.IsRoot {
				for _, d := range act.Diagnostics {
					b.Add(act.Package.Fset, act.Analyzer, d)
				}
			}
		}
	}

	return writeSARIF(b, stdout)
}

// newSARIF starts the log of a run of the analyzers.
func newSARIF(analyzers []*analysis.Analyzer) (*sarif.Builder, error) {
	root, err := sourceRoot()
	if err != nil {
		return nil, err
	}
	return sarif.New(sarif.Options{Name: "connlint", Version: version(), InformationURI: informationURI, Root: root}, analyzers), nil
}

// writeSARIF writes the log and returns the exit code: 1 on any error,
// else 3 on findings, else 0.
func writeSARIF(b *sarif.Builder, w io.Writer) int {
	log := b.Log()
	if err := log.Write(w); err != nil {
		fmt.Fprintf(os.Stderr, "connlint: writing SARIF: %v\n", err)
		return 1
	}
	run := log.Runs[0]
	switch {
	case !run.Invocations[0].ExecutionSuccessful:
		return 1
	case len(run.Results) > 0:
		return 3
	}
	return 0
}

// sourceRoot is the directory SARIF paths are relative to: the nearest
// enclosing directory with a .git entry (what code scanning resolves them
// against), or else the current directory.
func sourceRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return wd, nil
		}
	}
}

// version is connlint's module version, when it was built from one.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}
