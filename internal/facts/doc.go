// Package facts defines the analyzer that computes, once per package, what
// both connlint passes read: the //connlint: directives turned into facts,
// the ownership summaries of every function (exported to importing packages
// as one package fact), and the ownership engine's findings for the package.
//
// # Analyzer connlintfacts
//
// connlintfacts: compute connlint's directive facts and ownership summaries
//
// connlintfacts reports nothing. It runs the ownership engine
// (internal/ownership) over the package's SSA, callees first, and exports
// the facts that carry what a package learned to the packages that import
// it: which functions acquire a resource, which methods release one, and
// what every exported function does with each parameter. Its result is what
// the passes need of the current package: reservedclose reports the
// findings and the malformed directives; refcycle asks which methods
// release a value.
//
// Like x/tools' ctrlflow, it is required by the passes rather than run on
// its own, so that the go command, golangci-lint and nogo compute the facts
// once per package whichever passes are enabled.
package facts
