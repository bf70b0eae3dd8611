// Package feed uses a context-scoped family declared in a families file
// (TestFamiliesFile): every key of the schema works from the file.
package feed

import (
	"context"

	"extra/thirdparty"
)

func firstBad(p *thirdparty.Pool) (string, error) {
	f, err := p.Watch(context.Background(), "k") // want `thirdparty\.Feed acquired here is not released on the path returning at line 16 \(cancel its context, or call Next until it fails\)`
	if err != nil {
		return "", err
	}
	return f.Next()
}

func firstCanceledGood(p *thirdparty.Pool) (string, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f, err := p.Watch(ctx, "k")
	if err != nil {
		return "", err
	}
	return f.Next()
}

// The caller's context: the caller's to cancel.
func firstCallersGood(ctx context.Context, p *thirdparty.Pool) (string, error) {
	f, err := p.Watch(ctx, "k")
	if err != nil {
		return "", err
	}
	return f.Next()
}

func drainGood(p *thirdparty.Pool) (n int) {
	f, err := p.Watch(context.Background(), "k")
	if err != nil {
		return 0
	}
	for {
		if _, err := f.Next(); err != nil {
			return n
		}
		n++
	}
}

// An embedder of Feed given to a drain helper.
func drainHelperGood(p *thirdparty.Pool) int {
	f, err := p.Watch(context.Background(), "k")
	if err != nil {
		return 0
	}
	return drain(f)
}

func drain(f thirdparty.KeyFeed) (n int) {
	for {
		if _, err := f.Next(); err != nil {
			return n
		}
		n++
	}
}
