package main

// The cached driver: by default, connlint PATTERNS runs
//
//	go vet -vettool=<this executable> -json -connlint-driver [analyzer flags] PATTERNS
//
// so that the go command analyses one package per process and caches each
// package's facts and results in its build cache, keyed by the package's
// sources, its dependencies' facts, the flags and this executable. A repeat
// run with nothing changed replays the cache; a change to one package
// re-analyses it and what depends on it. The diagnostics come back as
// JSON, and render.go prints them as the in-process driver (x/tools'
// multichecker, -cache=false) would: same text, JSON and SARIF bytes, same
// exit codes.
//
// Whatever the cached path cannot reproduce exactly goes to the in-process
// driver instead: -fix and -diff (which edit files), -test=false (go vet
// always analyses tests), debugging and profiling flags, .go file
// arguments, a GOPACKAGESDRIVER, and any run in which go vet or go list
// fails or an analyzer reports an error (a package that does not load or
// type-check, a bad flag value): the in-process driver then prints the
// error exactly as before. Such a run pays for both.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// cacheFlag turns the cached driver off (-cache=false): connlint then loads
// and analyses every package, dependencies included, in its own process.
const cacheFlag = "cache"

// A cachedRun is a command line the cached driver can serve.
type cachedRun struct {
	format    string   // "text" or "sarif"
	json      bool     // -json
	context   int      // -c
	vetFlags  []string // analyzer flags, passed to go vet as given
	patterns  []string // package patterns
	analyzers []*analysis.Analyzer
}

// parseCached reads a standalone command line (-format already removed)
// and reports whether the cached driver can serve it. Anything it does not
// understand, including a malformed flag, is left to the in-process
// driver, which reports it as before.
func parseCached(args []string, format string, all []*analysis.Analyzer) (*cachedRun, bool) {
	if os.Getenv("GOPACKAGESDRIVER") != "" {
		return nil, false // the in-process driver loads through it; go vet would not
	}
	fs := flag.NewFlagSet("connlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	r := &cachedRun{format: format}
	fs.BoolVar(&r.json, "json", false, "")
	fs.IntVar(&r.context, "c", -1, "")
	tests := fs.Bool("test", true, "")
	cache := fs.Bool(cacheFlag, true, "")
	inProcessOnly := map[string]bool{}
	for _, name := range []string{"fix", "diff", "v", "source", "all"} {
		fs.BoolFunc(name, "", func(string) error { inProcessOnly[name] = true; return nil })
	}
	for _, name := range []string{"debug", "cpuprofile", "memprofile", "trace", "tags"} {
		fs.Func(name, "", func(string) error { inProcessOnly[name] = true; return nil })
	}
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range all {
		enabled[a] = new(triState)
		fs.Var(passThrough{enabled[a], a.Name, &r.vetFlags}, a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			name := a.Name + "." + f.Name
			fs.Var(passThrough{recorded{isBoolFlag(f)}, name, &r.vetFlags}, name, "")
		})
	}
	if err := fs.Parse(args); err != nil || !*cache || !*tests || len(inProcessOnly) > 0 {
		return nil, false
	}
	r.patterns = fs.Args()
	if len(r.patterns) == 0 || r.patterns[0] == "help" {
		return nil, false
	}
	for _, p := range r.patterns {
		if strings.HasSuffix(p, ".go") || strings.HasPrefix(p, "-") {
			return nil, false // file arguments: command-line-arguments, loaded differently
		}
	}
	if r.format == "sarif" && (r.json || r.context >= 0) {
		return nil, false // rejected by the SARIF driver, with its message
	}
	r.analyzers = selectAnalyzers(all, enabled)
	return r, true
}

// recorded is a flag value that only remembers whether it is boolean: the
// parse in parseCached must not set the analyzers' real flags (some
// accumulate), which the analysis processes parse for themselves.
type recorded struct{ isBool bool }

func (r recorded) String() string   { return "" }
func (r recorded) Set(string) error { return nil }
func (r recorded) IsBoolFlag() bool { return r.isBool }

// passThrough records each occurrence of an analyzer flag as -name=value
// for go vet, after setting the underlying value.
type passThrough struct {
	flag.Value
	name string
	out  *[]string
}

func (p passThrough) Set(v string) error {
	if err := p.Value.Set(v); err != nil {
		return err
	}
	*p.out = append(*p.out, "-"+p.name+"="+v)
	return nil
}

func (p passThrough) IsBoolFlag() bool {
	b, ok := p.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// errFallBack means the run must be redone by the in-process driver.
var errFallBack = errors.New("the cached driver cannot render this run")

// runCached runs go vet and go list (for the package order the in-process
// driver prints in) at the same time, and renders the result. It returns
// errFallBack when the in-process driver must redo the run.
func runCached(r *cachedRun, stdout, stderr io.Writer) (int, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, errFallBack
	}
	vetArgs := append([]string{"vet", "-vettool=" + self, "-json", "-" + driverFlag}, r.vetFlags...)
	vetArgs = append(vetArgs, r.patterns...)
	// The in-process driver's package order: go/packages returns the
	// packages it was asked for in go list -deps -test order.
	listArgs := append([]string{"list", "-e", "-deps", "-test", "-pgo=off",
		"-f", "{{if not .DepOnly}}{{.ImportPath}}{{end}}", "--"}, r.patterns...)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type out struct {
		stdout []byte
		err    error
	}
	listc := make(chan out, 1)
	go func() {
		b, err := goCommand(ctx, listArgs)
		listc <- out{b, err}
	}()
	vetOut, vetErr := goCommand(ctx, vetArgs)
	if vetErr != nil {
		return 0, errFallBack
	}
	list := <-listc
	if list.err != nil {
		return 0, errFallBack
	}
	roots := strings.FieldsFunc(string(list.stdout), func(r rune) bool { return r == '\n' })
	if len(roots) == 0 {
		return 0, errFallBack // "matched no packages", in the in-process driver's words
	}
	res, err := decodeVet(vetOut)
	if err != nil {
		return 0, errFallBack
	}
	return render(r, roots, res, stdout, stderr)
}

// goCommand runs the go command and returns its stdout; its stderr is
// dropped on success (go/packages, under the in-process driver, shows
// none of it either) and returned in the error otherwise.
func goCommand(ctx context.Context, args []string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s", args[0], err, stderr.Bytes())
	}
	return stdout.Bytes(), nil
}

// vetResults is go vet -json's output, decoded.
type vetResults struct {
	// diags maps package ID to analyzer name to its diagnostics.
	diags map[string]map[string][]jsonDiagnostic
	// urls maps analyzer and category (ruleURL with an empty URL) to the
	// rule's URL.
	urls map[ruleURL]string
}

// decodeVet reads the stream of JSON values go vet -json writes: one
// diagnostics tree per package (package ID → analyzer → diagnostics or
// error), and the -connlint-driver URL lines. An analyzer error is
// errFallBack.
func decodeVet(data []byte) (*vetResults, error) {
	res := &vetResults{diags: map[string]map[string][]jsonDiagnostic{}, urls: map[ruleURL]string{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			return res, nil
		} else if err != nil {
			return nil, err
		}
		for id, byAnalyzer := range tree {
			if id == urlKey {
				var u ruleURL
				raw, _ := json.Marshal(byAnalyzer)
				if err := json.Unmarshal(raw, &u); err != nil {
					return nil, err
				}
				res.urls[ruleURL{Analyzer: u.Analyzer, Category: u.Category}] = u.URL
				continue
			}
			for name, raw := range byAnalyzer {
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, errFallBack // {"error": ...}
				}
				if res.diags[id] == nil {
					res.diags[id] = map[string][]jsonDiagnostic{}
				}
				res.diags[id][name] = diags
			}
		}
	}
}
