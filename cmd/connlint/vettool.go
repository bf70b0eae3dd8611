package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// The vet protocol: go vet runs `connlint -V=full` and `connlint -flags`
// once, then `connlint [flags] unit.cfg` once per package. The cached
// driver (cached.go) runs go vet with one more tool flag, -connlint-driver,
// which makes each unit also write the documentation URL of every rule it
// reports on to its stdout, next to the JSON diagnostics (which carry no
// URL, and SARIF needs one per rule). Because the flag is a vet flag, it
// is part of the go command's cache key: plain go vet runs and the driver's
// never share (or corrupt) each other's cached output.

// driverFlag is the hidden vet-tool flag the cached driver sets.
const driverFlag = "connlint-driver"

// urlKey is the key of the stdout lines that carry a rule's URL. It cannot
// be a package ID ('#' is not allowed in an import path), so a decoder of
// go vet -json's output tells the two apart.
const urlKey = "#connlint-url"

// A ruleURL is one line of the side channel: the documentation URL of a
// rule (an analyzer, or an analyzer and a diagnostic category), as the
// analysis drivers resolve it.
type ruleURL struct {
	Analyzer string `json:"analyzer"`
	Category string `json:"category"`
	URL      string `json:"url"`
}

// isVetProtocol reports whether the command line is one of go vet's calls
// (or a user's -V/-flags query, which gets the same answer).
func isVetProtocol(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "V" || name == "flags") {
			return true
		}
	}
	return false
}

// vetTool prepares the analyzers for the vet protocol: it declares
// -connlint-driver and returns copies of the analyzers that, when it is
// set, write each rule's URL to stdout (the unit's cfg.Stdout file, where
// unitchecker also writes the JSON diagnostics) the first time the rule
// reports.
func vetTool(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	enabled := flag.Bool(driverFlag, false, "internal: set by connlint's cached driver")
	var mu sync.Mutex
	written := make(map[ruleURL]bool)
	note := func(a *analysis.Analyzer, d analysis.Diagnostic) {
		r := ruleURL{Analyzer: a.Name, Category: d.Category, URL: resolveURL(a, d)}
		mu.Lock()
		defer mu.Unlock()
		if written[r] {
			return
		}
		written[r] = true
		line, _ := json.Marshal(map[string]ruleURL{urlKey: r})
		fmt.Fprintf(os.Stdout, "%s\n", line)
	}
	wrapped := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		w := *a // same name, flags, requirements and fact types
		w.Run = func(pass *analysis.Pass) (any, error) {
			if *enabled {
				report := pass.Report
				pass.Report = func(d analysis.Diagnostic) {
					note(a, d)
					report(d)
				}
			}
			return a.Run(pass)
		}
		wrapped[i] = &w
	}
	return wrapped
}
