// Package lend uses a pool's callback API the user cannot annotate: a
// families file declares that Pool.With lends its callback the handle
// (TestFamiliesFile); without it, nothing is reported.
package lend

import "extra/thirdparty"

var last *thirdparty.Handle

func keep(p *thirdparty.Pool) error {
	return p.With(func(h *thirdparty.Handle) error {
		last = h // want `h, lent by \(\*thirdparty\.Pool\)\.With for the callback's duration, is stored outside the callback`
		return h.Query()
	})
}

func use(p *thirdparty.Pool) error {
	return p.With(func(h *thirdparty.Handle) error {
		return h.Query()
	})
}
