package resource

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A families file declares families the way the built-in catalogues do,
// for libraries connlint does not know:
//
//	families:
//	  - type: example.com/pool.Lease      # pkgpath.Type of the resource
//	    display: "*pool.Lease"            # how reports name it (default pool.Lease)
//	    release: [Recycle, Discard]       # methods that release it (required)
//	    release_field: ""                 # release through this field's methods (http.Response.Body)
//	    released_when_false: [Next]       # released when they return false
//	    released_on_error: [Scan]         # released when they return an error
//	    after_release: [Err]              # legal after a release
//	    release_twice_safe: false         # a second release is harmless
//	    defer_fix: "Recycle()"            # what a fix defers; $ctx is the acquisition's context
//	    hint: ""                          # advice instead of "call <release>" (then no default fix)
//	    context_scoped: false             # lives as long as its acquisition's context (see Family)
//	    embedders: false                  # an interface embedding the type is the resource too
//	    acquired_by:                      # functions whose first non-error result is the resource
//	      - example.com/pool.Pool.Get
//	    tied_to_context: []               # acquirers whose resource a canceled context releases
//	    tied_to_receiver: []              # acquirers whose resource releasing the receiver releases
//	    tied_to_receiver_ties: []         # acquirers whose resource the receiver's own ties release
//	    not_acquired_by: []               # functions returning it that acquire nothing
//	releasers:                            # functions releasing an argument (index, receiver first)
//	  example.com/pool.Drain: 0
//	lenders:                              # functions lending their callback's first parameter
//	  example.com/pool.Pool.With: 1       # for the call only (callback's index, receiver first)
type familiesFile struct {
	Families  []fileFamily   `yaml:"families"`
	Releasers map[string]int `yaml:"releasers"`
	Lenders   map[string]int `yaml:"lenders"`
}

type fileFamily struct {
	Type              string   `yaml:"type"`
	Display           string   `yaml:"display"`
	Release           []string `yaml:"release"`
	ReleaseField      string   `yaml:"release_field"`
	ReleasedWhenFalse []string `yaml:"released_when_false"`
	ReleasedOnError   []string `yaml:"released_on_error"`
	AfterRelease      []string `yaml:"after_release"`
	ReleaseTwiceSafe  bool     `yaml:"release_twice_safe"`
	DeferFix          string   `yaml:"defer_fix"`
	Hint              string   `yaml:"hint"`
	ContextScoped     bool     `yaml:"context_scoped"`
	Embedders         bool     `yaml:"embedders"`
	AcquiredBy        []string `yaml:"acquired_by"`
	TiedToContext     []string `yaml:"tied_to_context"`
	TiedToReceiver    []string `yaml:"tied_to_receiver"`
	TiedToRecvTies    []string `yaml:"tied_to_receiver_ties"`
	NotAcquiredBy     []string `yaml:"not_acquired_by"`
}

// ReadFamilies reads and parses a families file (see ParseFamilies).
func ReadFamilies(filename string) (*Catalog, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	return ParseFamilies(filename, data)
}

// ParseFamilies parses the YAML of a families file. Every error names the
// file and line it is about: an unknown key, a value of the wrong shape, a
// family without release method, an acquirer named twice, a tie of a
// function that acquires nothing.
func ParseFamilies(filename string, data []byte) (*Catalog, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", filename, yamlError(err))
	}
	var f familiesFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty families file", filename)
		}
		return nil, fmt.Errorf("%s: %w", filename, yamlError(err))
	}
	lines := familyLines(&root)
	c := &Catalog{
		Library:   filename,
		Acquirers: make(map[string]string),
		Ties:      make(map[string]Tie),
		Releasers: f.Releasers,
		Lenders:   f.Lenders,
	}
	var errs []string
	for i, ff := range f.Families {
		at := fmt.Sprintf("%s:%d", filename, lineOf(lines, i))
		fam := Family{
			Key: ff.Type, Display: ff.Display, Release: ff.Release, ReleaseField: ff.ReleaseField,
			ReleasedWhenFalse: ff.ReleasedWhenFalse, ReleasedOnError: ff.ReleasedOnError,
			AfterRelease: ff.AfterRelease, ReleaseTwiceSafe: ff.ReleaseTwiceSafe, DeferFix: ff.DeferFix,
			Hint: ff.Hint, ContextScoped: ff.ContextScoped, Embedders: ff.Embedders,
		}
		if fam.Display == "" {
			fam.Display = defaultDisplay(fam.Key)
		}
		one := Catalog{Families: []Family{fam}, Acquirers: map[string]string{}, Ties: map[string]Tie{}}
		for _, fn := range ff.AcquiredBy {
			if prev, ok := c.Acquirers[fn]; ok {
				errs = append(errs, fmt.Sprintf("%s: acquirer %s already acquires %s", at, fn, prev))
			}
			c.Acquirers[fn] = fam.Key
			one.Acquirers[fn] = fam.Key
		}
		for _, fn := range ff.TiedToContext {
			t := one.Ties[fn]
			t.Context = true
			one.Ties[fn] = t
		}
		for _, fn := range ff.TiedToReceiver {
			t := one.Ties[fn]
			t.Receiver = true
			one.Ties[fn] = t
		}
		for _, fn := range ff.TiedToRecvTies {
			t := one.Ties[fn]
			t.ReceiverTies = true
			one.Ties[fn] = t
		}
		one.NotAcquirers = ff.NotAcquiredBy
		if err := one.Validate(nil); err != nil {
			for _, e := range strings.Split(err.Error(), "\n") {
				errs = append(errs, at+": "+e)
			}
		}
		for fn, t := range one.Ties {
			c.Ties[fn] = t
		}
		c.Families = append(c.Families, fam)
		c.NotAcquirers = append(c.NotAcquirers, ff.NotAcquiredBy...)
	}
	if err := c.Validate(nil); err != nil && len(errs) == 0 {
		errs = append(errs, fmt.Sprintf("%s: %v", filename, err))
	}
	if len(f.Families) == 0 && len(f.Releasers) == 0 && len(f.Lenders) == 0 {
		errs = append(errs, filename+": no families")
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return c, nil
}

// yamlError drops the "yaml: " prefix: the file name takes its place.
func yamlError(err error) error {
	return errors.New(strings.TrimPrefix(strings.ReplaceAll(err.Error(), "yaml: unmarshal errors:\n  ", ""), "yaml: "))
}

// familyLines returns the line of each item of the top-level families
// list.
func familyLines(root *yaml.Node) []int {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "families" {
			var lines []int
			for _, item := range m.Content[i+1].Content {
				lines = append(lines, item.Line)
			}
			return lines
		}
	}
	return nil
}

func lineOf(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// defaultDisplay names a type key as its users write it, without knowing
// whether it is used through a pointer: "example.com/pool/v2.Lease" gives
// "pool.Lease".
func defaultDisplay(key string) string {
	dot := strings.LastIndex(key, ".")
	if dot < 0 {
		return key
	}
	pkg := key[:dot]
	name := path.Base(pkg)
	if len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = path.Base(path.Dir(pkg)) // a major-version suffix
	}
	return name + "." + key[dot+1:]
}

// FamiliesFiles is a repeatable flag naming families files: each is read
// and parsed when the flag is set, so that a malformed file stops the run
// before any package is analysed.
type FamiliesFiles struct {
	Names    []string
	Catalogs []*Catalog
}

func (f *FamiliesFiles) String() string {
	if f == nil {
		return ""
	}
	return strings.Join(f.Names, ",")
}

// Set reads one families file.
func (f *FamiliesFiles) Set(name string) error {
	c, err := ReadFamilies(name)
	if err != nil {
		return err
	}
	f.Names = append(f.Names, name)
	f.Catalogs = append(f.Catalogs, c)
	return nil
}
