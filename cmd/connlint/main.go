// Command connlint finds connection-lifecycle bugs: connections,
// transactions, result sets and pool leases not released on every path
// (reservedclose), and references that keep connection memory alive under
// Go's tracing collector (refcycle).
//
// Standalone:
//
//	connlint ./...
//	connlint -json ./...        # machine-readable, keyed by analyzer name
//	connlint -fix ./...         # apply suggested fixes (-diff to preview)
//
// As a vet tool:
//
//	go vet -vettool=$(which connlint) ./...
//
// Exit codes (standalone): 0 no findings, 3 findings, 1 an error (a package
// that does not load or type-check, a bad flag). Under go vet, any finding
// or error exits 1.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/connlint/connlint/passes/refcycle"
	"github.com/connlint/connlint/passes/reservedclose"
)

func main() {
	multichecker.Main(reservedclose.Analyzer, refcycle.Analyzer)
}
