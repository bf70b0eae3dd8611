package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// takeFormat removes -format from the command line (it is connlint's flag,
// not multichecker's, and is deliberately not offered to go vet) and
// returns its value: "text" (the default) or "sarif". Like package flag, it
// looks only at the flags before the first package argument.
func takeFormat(args []string, analyzers []*analysis.Analyzer) (format string, rest []string, err error) {
	format = "text"
	takesValue := func(name string) bool {
		switch name {
		case "c", "debug", "cpuprofile", "memprofile", "trace", "tags":
			return true
		}
		for _, a := range analyzers {
			if f, ok := strings.CutPrefix(name, a.Name+"."); ok {
				if fl := a.Flags.Lookup(f); fl != nil {
					return !isBoolFlag(fl)
				}
			}
		}
		return false
	}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") || arg == "-" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name != "format" {
			if !hasValue && takesValue(name) {
				i++
			}
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("flag needs an argument: -format")
			}
			value = args[i+1]
			args = slices.Delete(slices.Clone(args), i, i+2)
		} else {
			args = slices.Delete(slices.Clone(args), i, i+1)
		}
		switch value {
		case "text", "sarif":
			format = value
		default:
			return "", nil, fmt.Errorf("invalid value %q for -format: want text or sarif", value)
		}
		i--
	}
	return format, args, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// printUsage is connlint -help: what it is, how to run it, the analyzers
// with their documentation, and every flag.
func printUsage(w io.Writer, analyzers []*analysis.Analyzer) {
	fmt.Fprint(w, `connlint finds connection-lifecycle bugs in Go: connections, transactions,
result sets and pool leases not released on every path, and references that
keep connection memory alive.

Usage:
  connlint [flags] packages                 report (exit 0 clean, 3 findings, 1 error)
  connlint -format=sarif [flags] packages   SARIF 2.1.0 on stdout (GitHub code scanning)
  connlint -fix [-diff] packages            apply the suggested fixes
  go vet -vettool=$(which connlint) packages
  go fix -fixtool=$(which connlint) packages
  connlint help NAME                        an analyzer's full documentation

Analyzers (all run by default; -NAME runs only the named ones, -NAME=false
turns one off):
`)
	for _, a := range analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n")
		title = strings.TrimPrefix(title, a.Name+": ")
		fmt.Fprintf(w, "  %-14s %s\n  %-14s %s\n", a.Name, title, "", a.URL)
	}
	fmt.Fprint(w, `
A report is suppressed by //connlint:ignore REASON, //nolint:connlint,
//nolint:all or //nolint:NAME on its line or the line above.

Flags:
  -format string
    	output format: text, or sarif (standalone only; not with -json, -fix, -diff or -c) (default "text")
`)
	flag.CommandLine.PrintDefaults()
}

// A triState is an analyzer's -NAME flag: unset, or set to true or false.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string   { return strconv.FormatBool(*ts != setFalse) }
func (ts *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}

// selectAnalyzers applies the -NAME flags as multichecker does: if any is
// true, only those run; otherwise all but those set to false.
func selectAnalyzers(all []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	anyTrue := false
	for _, ts := range enabled {
		anyTrue = anyTrue || *ts == setTrue
	}
	var keep []*analysis.Analyzer
	for _, a := range all {
		if anyTrue && *enabled[a] == setTrue || !anyTrue && *enabled[a] != setFalse {
			keep = append(keep, a)
		}
	}
	return keep
}
