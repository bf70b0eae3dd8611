// Stub of github.com/stretchr/testify@v1.12.1 for offline analysistest;
// signatures copied from the real package.
package assert

// TestingT is an interface wrapper around *testing.T.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

func Nil(t TestingT, object interface{}, msgAndArgs ...interface{}) bool { return object == nil }

func NoError(t TestingT, err error, msgAndArgs ...interface{}) bool { return err == nil }

func Error(t TestingT, err error, msgAndArgs ...interface{}) bool { return err != nil }

func ErrorIs(t TestingT, err, target error, msgAndArgs ...interface{}) bool { return err != nil }

func ErrorContains(t TestingT, theError error, contains string, msgAndArgs ...interface{}) bool {
	return theError != nil
}
