// Stub of vitess.io/vitess@v0.24.4 for offline analysistest; signatures copied from the real package.

package smartconnpool

import (
	"sync/atomic"
)

// Setting is a setting applied to a connection in the pool.
type Setting struct {
	queryApply string
	queryReset string
	bucket     uint32
}

func (s *Setting) ApplyQuery() string {
	return s.queryApply
}

func (s *Setting) ResetQuery() string {
	return s.queryReset
}

var globalSettingsCounter atomic.Uint32

func NewSetting(apply, reset string) *Setting {
	return &Setting{apply, reset, globalSettingsCounter.Add(1)}
}
