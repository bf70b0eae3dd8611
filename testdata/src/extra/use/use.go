package use

import "extra/thirdparty"

// Declared with -reservedclose.acquire extra/thirdparty.Pool.Take:Done.

func leaks(p *thirdparty.Pool) error {
	h, err := p.Take() // want `\*thirdparty.Handle acquired here is not released on the path returning at line 12 \(call Done, or defer h.Done\(\) after the error check\)`
	if err != nil {
		return err
	}
	return h.Query()
}

func releases(p *thirdparty.Pool) error {
	h, err := p.Take()
	if err != nil {
		return err
	}
	defer h.Done()
	return h.Query()
}

// Given back to the pool: a keeper, like any function that stores it.
func givesBack(p *thirdparty.Pool) error {
	h, err := p.Take()
	if err != nil {
		return err
	}
	defer p.Give(h)
	return h.Query()
}

// Declared with -reservedclose.acquire extra/thirdparty.Pool.Results:Close:
// the promoted Close of the embedded *sql.Rows releases it.

func resultsLeak(p *thirdparty.Pool) error {
	res, err := p.Results() // want `\*thirdparty.Results acquired here is not released on the path returning at line 42 \(call Close, or defer res.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return res.Err()
}

func resultsClosed(p *thirdparty.Pool) error {
	res, err := p.Results()
	if err != nil {
		return err
	}
	defer res.Close()
	return res.Err()
}

func resultsDrained(p *thirdparty.Pool) (n int) {
	res, err := p.Results()
	if err != nil {
		return 0
	}
	for res.Next() {
		n++
	}
	return n
}
