package resource

import (
	"fmt"
	"strings"
)

// Extra declares an acquisition the user cannot annotate with
// //connlint:acquire (a third-party API): from settings or a flag.
type Extra struct {
	// Func names the acquiring function like the built-in table does:
	// "pkgpath.Func" or "pkgpath.Recv.Method" (no pointer, no type
	// arguments), e.g. "example.com/pool.Pool.Get".
	Func string
	// Release lists the methods of the result type that release it.
	Release []string
}

// ParseExtra parses "FUNC:RELEASE[,RELEASE...]", the flag syntax.
func ParseExtra(s string) (Extra, error) {
	fn, rel, ok := strings.Cut(s, ":")
	fn = strings.TrimSpace(fn)
	if !ok || fn == "" || !strings.Contains(fn, ".") {
		return Extra{}, fmt.Errorf("acquire entry %q: want FUNC:RELEASE[,RELEASE], e.g. example.com/pool.Pool.Get:Put", s)
	}
	e := Extra{Func: fn}
	for r := range strings.SplitSeq(rel, ",") {
		if r = strings.TrimSpace(r); r != "" {
			e.Release = append(e.Release, r)
		}
	}
	return e, e.Validate()
}

// Validate reports an entry that cannot work.
func (e Extra) Validate() error {
	if e.Func == "" || !strings.Contains(e.Func, ".") {
		return fmt.Errorf("acquire entry %q: func must be pkgpath.Func or pkgpath.Recv.Method", e.Func)
	}
	if len(e.Release) == 0 {
		return fmt.Errorf("acquire entry %q: no release methods", e.Func)
	}
	return nil
}

// String is the flag syntax.
func (e Extra) String() string { return e.Func + ":" + strings.Join(e.Release, ",") }

// ExtraList is a repeatable flag of extra acquisitions.
type ExtraList []Extra

func (l *ExtraList) String() string {
	parts := make([]string, len(*l))
	for i, e := range *l {
		parts[i] = e.String()
	}
	return strings.Join(parts, ";")
}

// Set adds entries; several may be given at once, separated by ";".
func (l *ExtraList) Set(s string) error {
	for part := range strings.SplitSeq(s, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		e, err := ParseExtra(part)
		if err != nil {
			return err
		}
		*l = append(*l, e)
	}
	return nil
}
