package resource

import "sync"

// The tables are read-only after package initialisation; the indexes built
// from them are computed once and never mutated.
var (
	indexOnce   sync.Once
	familyByKey map[string]*Family
	acquirers   map[string]string
	ties        map[string]Tie
	releasers   map[string]int
	notAcquirer map[string]bool
)

func index() {
	familyByKey = make(map[string]*Family)
	acquirers = make(map[string]string)
	ties = make(map[string]Tie)
	releasers = make(map[string]int)
	notAcquirer = make(map[string]bool)
	for ci := range builtin {
		c := &builtin[ci]
		for i := range c.Families {
			familyByKey[c.Families[i].Key] = &c.Families[i]
		}
		for k, v := range c.Acquirers {
			acquirers[k] = v
		}
		for k, v := range c.Ties {
			ties[k] = v
		}
		for k, v := range c.Releasers {
			releasers[k] = v
		}
		for _, k := range c.NotAcquirers {
			notAcquirer[k] = true
		}
	}
}

// ByType returns the built-in family whose resource type has the given key
// (see ssax.TypeKey), or nil.
func ByType(typeKey string) *Family {
	indexOnce.Do(index)
	return familyByKey[typeKey]
}

// AcquiredBy returns the built-in family acquired by the function with the
// given key (see ssax.FuncKey), or nil.
func AcquiredBy(funcKey string) *Family {
	indexOnce.Do(index)
	if k, ok := acquirers[funcKey]; ok {
		return ByType(k)
	}
	return nil
}

// NotAcquiredBy reports whether the function with the given key returns a
// resource that needs no release (and so is no acquisition, whatever its
// body does).
func NotAcquiredBy(funcKey string) bool {
	indexOnce.Do(index)
	return notAcquirer[funcKey]
}

// SentRequest returns the argument index of the *http.Request that the
// function with the given key sends, if it sends one.
func SentRequest(funcKey string) (int, bool) {
	i, ok := requestSenders[funcKey]
	return i, ok
}

// RequestMethodArg returns the argument index of the method of the request
// that the function with the given key builds, if it builds one.
func RequestMethodArg(funcKey string) (int, bool) {
	i, ok := requestBuilders[funcKey]
	return i, ok
}

// TieOf returns the releases the library performs on its own for the
// resource the function with the given key acquires.
func TieOf(funcKey string) Tie {
	indexOnce.Do(index)
	return ties[funcKey]
}

// IsCanceler reports whether the function with the given key returns a
// context and its cancel function.
func IsCanceler(funcKey string) bool { return cancelers[funcKey] }

// ReleasedParam returns the argument index a built-in releaser releases.
func ReleasedParam(funcKey string) (int, bool) {
	indexOnce.Do(index)
	i, ok := releasers[funcKey]
	return i, ok
}

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
