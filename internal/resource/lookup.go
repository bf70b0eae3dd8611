package resource

import (
	"slices"
	"strings"
	"sync"
)

// An Index answers the engine's questions about families: the built-in
// catalogues, plus those of families files. It is read-only once built.
type Index struct {
	familyByKey map[string]*Family
	acquirers   map[string]string
	ties        map[string]Tie
	releasers   map[string]int
	lenders     map[string]int
	lenderNames map[string]bool // the last element of each lender's key
	notAcquirer map[string]bool
	embedders   bool // some family is also the interfaces that embed it
	// tiedParents maps a family to the types whose release releases it
	// (the receivers of its receiver-tied acquirers).
	tiedParents map[string][]string
}

// NewIndex indexes the built-in catalogues and then extra ones (families
// files): a row of a later catalogue replaces one with the same key.
func NewIndex(extra ...*Catalog) *Index {
	x := &Index{
		familyByKey: make(map[string]*Family),
		acquirers:   make(map[string]string),
		ties:        make(map[string]Tie),
		releasers:   make(map[string]int),
		lenders:     make(map[string]int),
		lenderNames: make(map[string]bool),
		notAcquirer: make(map[string]bool),
		tiedParents: make(map[string][]string),
	}
	for i := range builtin {
		x.add(&builtin[i])
	}
	for _, c := range extra {
		x.add(c)
	}
	return x
}

func (x *Index) add(c *Catalog) {
	for i := range c.Families {
		x.familyByKey[c.Families[i].Key] = &c.Families[i]
		x.embedders = x.embedders || c.Families[i].Embedders
	}
	for k, v := range c.Acquirers {
		x.acquirers[k] = v
	}
	for k, v := range c.Ties {
		x.ties[k] = v
		if fam, ok := c.Acquirers[k]; ok && v.Receiver {
			recv := k[:strings.LastIndex(k, ".")] // pkgpath.Recv.Method
			if !slices.Contains(x.tiedParents[fam], recv) {
				x.tiedParents[fam] = append(x.tiedParents[fam], recv)
			}
		}
	}
	for k, v := range c.Releasers {
		x.releasers[k] = v
	}
	for k, v := range c.Lenders {
		x.lenders[k] = v
		x.lenderNames[k[strings.LastIndex(k, ".")+1:]] = true
	}
	for _, k := range c.NotAcquirers {
		x.notAcquirer[k] = true
	}
}

// The built-in index is computed once and never mutated.
var (
	builtinOnce  sync.Once
	builtinIndex *Index
)

// Builtins returns the index of the built-in catalogues alone.
func Builtins() *Index {
	builtinOnce.Do(func() { builtinIndex = NewIndex() })
	return builtinIndex
}

// ByType returns the family whose resource type has the given key (see
// ssax.TypeKey), or nil.
func (x *Index) ByType(typeKey string) *Family { return x.familyByKey[typeKey] }

// TiedParents returns the keys of the types whose release releases the
// family's resource: the receivers of its receiver-tied acquirers
// (*grpc.ClientConn for a stream of ClientConn.NewStream).
func (x *Index) TiedParents(familyKey string) []string { return x.tiedParents[familyKey] }

// HasEmbedders reports whether some family is also the interfaces that
// embed its type (Family.Embedders): otherwise no interface needs a look at
// what it embeds.
func (x *Index) HasEmbedders() bool { return x.embedders }

// AcquiredBy returns the family acquired by the function with the given
// key (see ssax.FuncKey), or nil.
func (x *Index) AcquiredBy(funcKey string) *Family {
	if k, ok := x.acquirers[funcKey]; ok {
		return x.ByType(k)
	}
	return nil
}

// NotAcquiredBy reports whether the function with the given key returns a
// resource that needs no release (and so is no acquisition, whatever its
// body does).
func (x *Index) NotAcquiredBy(funcKey string) bool { return x.notAcquirer[funcKey] }

// TieOf returns the releases the library performs on its own for the
// resource the function with the given key acquires.
func (x *Index) TieOf(funcKey string) Tie { return x.ties[funcKey] }

// ReleasedParam returns the argument index a releaser releases.
func (x *Index) ReleasedParam(funcKey string) (int, bool) {
	i, ok := x.releasers[funcKey]
	return i, ok
}

// MayLend reports whether some lender has this function or method name:
// a cheap test before its key is built.
func (x *Index) MayLend(name string) bool { return x.lenderNames[name] }

// LentTo returns the argument index (receiver first) of the callback to
// which the function with the given key lends a value for the call's
// duration.
func (x *Index) LentTo(funcKey string) (int, bool) {
	i, ok := x.lenders[funcKey]
	return i, ok
}

// ByType returns the built-in family whose resource type has the given key.
func ByType(typeKey string) *Family { return Builtins().ByType(typeKey) }

// AcquiredBy returns the built-in family acquired by the function with the
// given key.
func AcquiredBy(funcKey string) *Family { return Builtins().AcquiredBy(funcKey) }

// NotAcquiredBy reports whether a built-in row says the function with the
// given key acquires nothing.
func NotAcquiredBy(funcKey string) bool { return Builtins().NotAcquiredBy(funcKey) }

// SentRequest returns the argument index of the *http.Request that the
// function with the given key sends, if it sends one.
func SentRequest(funcKey string) (int, bool) {
	i, ok := requestSenders[funcKey]
	return i, ok
}

// DelegateOf returns the delegation of the acquiring method with the
// given key, if it delegates (ownership's fake-transport rule).
func DelegateOf(funcKey string) (Delegation, bool) {
	d, ok := delegations[funcKey]
	return d, ok
}

// NeededFields returns the fields of its arguments that the acquisition
// with the given key cannot succeed without.
func NeededFields(funcKey string) []NeededField { return neededFields[funcKey] }

// RequestMethodArg returns the argument index of the method of the request
// that the function with the given key builds, if it builds one.
func RequestMethodArg(funcKey string) (int, bool) {
	i, ok := requestBuilders[funcKey]
	return i, ok
}

// IsCanceler reports whether the function with the given key returns a
// context and its cancel function.
func IsCanceler(funcKey string) bool { return cancelers[funcKey] }

// NeverReturns reports whether the (interface) method with the given key
// never returns normally.
func NeverReturns(funcKey string) bool { return neverReturn[funcKey] }

// releaseNames are the method names with which some family releases its
// resource, each with whether it ends the life of any object that has it
// (Close, Release, Recycle, Discard), rather than a phase of the objects of
// the families that name it (Commit and Rollback a transaction, Hijack an
// HTTP exchange).
var releaseNames = map[string]bool{
	"Close":    true,
	"Release":  true,
	"Recycle":  true,
	"Discard":  true,
	"Commit":   false,
	"Rollback": false,
	"Hijack":   false,
}

// IsReleaseName reports whether some family releases with a method of this
// name. It decides, for a parameter whose family is not known (an io.Closer,
// an interface of the user's own), whether calling the method releases it.
func IsReleaseName(m string) bool {
	_, ok := releaseNames[m]
	return ok
}

// Borrows reports whether the function with the given key only looks at
// its arguments (fmt, log, slog, testing's Log and Error): printing a
// resource neither releases it nor hands it on.
func Borrows(funcKey string) bool { return borrowers[funcKey] }

// IsDisposeName reports whether a method of this name ends the life of
// the object it is called on, whatever its type: Close, Release, Recycle
// or Discard.
func IsDisposeName(m string) bool { return releaseNames[m] }
