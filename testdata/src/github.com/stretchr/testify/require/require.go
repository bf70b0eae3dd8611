// Stub of github.com/stretchr/testify@v1.12.1 for offline analysistest;
// signatures copied from the real package.
package require

import "github.com/stretchr/testify/assert"

// TestingT is an interface wrapper around *testing.T.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

func NoError(t TestingT, err error, msgAndArgs ...interface{}) {
	if !assert.NoError(t, err, msgAndArgs...) {
		t.FailNow()
	}
}

func ErrorIs(t TestingT, err, target error, msgAndArgs ...interface{}) {
	if !assert.ErrorIs(t, err, target, msgAndArgs...) {
		t.FailNow()
	}
}

func Nil(t TestingT, object interface{}, msgAndArgs ...interface{}) {
	if !assert.Nil(t, object, msgAndArgs...) {
		t.FailNow()
	}
}

func Error(t TestingT, err error, msgAndArgs ...interface{}) {
	if !assert.Error(t, err, msgAndArgs...) {
		t.FailNow()
	}
}

func False(t TestingT, value bool, msgAndArgs ...interface{}) {
	if value {
		t.FailNow()
	}
}

func True(t TestingT, value bool, msgAndArgs ...interface{}) {
	if !value {
		t.FailNow()
	}
}

func NotNilf(t TestingT, object interface{}, msg string, args ...interface{}) {
	if object == nil {
		t.FailNow()
	}
}
