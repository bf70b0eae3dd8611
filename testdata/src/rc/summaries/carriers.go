package summaries

// Resources whose fields hold no pointer, no interface and no function:
// the parameter prescreen (mayCarry) must still summarise the helpers that
// release them, by the type's family, by a release-named method, or by a
// conversion between named types that share the struct.

// fdHandle is a family by directive; its fields are plain integers.
type fdHandle struct{ fd int }

//connlint:acquire
func openFD() (*fdHandle, error) { return &fdHandle{fd: 3}, nil }

//connlint:release
func (h *fdHandle) Close() error { h.fd = -1; return nil }

func closeFD(h *fdHandle) { h.Close() }

func lookFD(h *fdHandle) int { return h.fd }

func fdClosedByHelper() error {
	h, err := openFD()
	if err != nil {
		return err
	}
	closeFD(h)
	return nil
}

func fdOnlyLookedAt() error {
	h, err := openFD() // want `\*summaries.fdHandle acquired here is not released on the path returning at line 36`
	if err != nil {
		return err
	}
	_ = lookFD(h)
	return nil
}

// rawFD is the same struct under another name: a helper that takes one and
// converts it back releases the handle.
type rawFD fdHandle

func closeRaw(r *rawFD) { (*fdHandle)(r).Close() }

func lookRaw(r *rawFD) int { return r.fd }

func fdClosedThroughConversion() error {
	h, err := openFD()
	if err != nil {
		return err
	}
	closeRaw((*rawFD)(h))
	return nil
}

func fdLookedAtThroughConversion() error {
	h, err := openFD() // want `\*summaries.fdHandle acquired here is not released on the path returning at line 62`
	if err != nil {
		return err
	}
	_ = lookRaw((*rawFD)(h))
	return nil
}
