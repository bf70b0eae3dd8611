// Command connlint finds connection-lifecycle bugs: connections,
// transactions, result sets and pool leases not released on every path
// (reservedclose), and references that keep connection memory alive under
// Go's tracing collector (refcycle).
//
// Standalone:
//
//	connlint ./...
//	connlint -json ./...          # machine-readable, keyed by analyzer name
//	connlint -fix ./...           # apply suggested fixes (-diff to preview)
//	connlint -format=sarif ./...  # SARIF 2.1.0 on stdout, for GitHub code scanning
//
// As a vet tool, or through go fix:
//
//	go vet -vettool=$(which connlint) ./...
//	go fix -fixtool=$(which connlint) ./...
//
// Exit codes (standalone, text or SARIF): 0 no findings, 3 findings, 1 an
// error (a package that does not load or type-check, a bad flag). Under go
// vet, any finding or error exits 1.
//
// By default the standalone command drives go vet -vettool=<itself>, so
// the go command caches each package's facts and results, and prints what
// comes back as the in-process driver would (cached.go); -cache=false
// analyses in this process: text and JSON with x/tools' multichecker,
// -format=sarif with connlint's own driver over the same analyzers and
// flags (sarif.go).
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
)

func main() {
	analyzers := []*analysis.Analyzer{reservedclose.Analyzer, refcycle.Analyzer}

	if isVetProtocol(os.Args[1:]) {
		multichecker.Main(vetTool(analyzers)...)
		return
	}

	format, args, err := takeFormat(os.Args[1:], analyzers)
	if err != nil {
		fmt.Fprintf(os.Stderr, "connlint: %v\n", err)
		os.Exit(1)
	}
	if r, ok := parseCached(args, format, analyzers); ok {
		code, err := runCached(r, os.Stdout, os.Stderr)
		if err == nil {
			os.Exit(code)
		}
		// errFallBack: the in-process driver redoes the run, errors included.
	}
	if format == "sarif" {
		os.Exit(runSARIF(args, analyzers, os.Stdout, os.Stderr))
	}
	os.Args = append(os.Args[:1], args...)

	// multichecker parses flag.CommandLine, which exits 2 on a bad flag;
	// connlint promises 1. With PanicOnError the parse error comes back
	// here instead (after the usage is printed).
	flag.CommandLine = flag.NewFlagSet(os.Args[0], flag.PanicOnError)
	flag.Bool(cacheFlag, true, cacheUsage) // reaching here, the run is uncached
	var usageShown bool
	flag.CommandLine.Usage = func() {
		usageShown = true
		printUsage(flag.CommandLine.Output(), analyzers)
	}
	defer func() {
		if r := recover(); r != nil {
			if err, ok := r.(error); ok && usageShown {
				if err == flag.ErrHelp {
					os.Exit(0)
				}
				os.Exit(1)
			}
			panic(r)
		}
	}()
	multichecker.Main(analyzers...)
}

const cacheUsage = "analyse through go vet, whose build cache keeps each package's facts and results (-cache=false: analyse every package, dependencies included, in this process; -fix, -diff and -test=false always do)"
