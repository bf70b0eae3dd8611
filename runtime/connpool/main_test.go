package connpool

import (
	"testing"

	"go.uber.org/goleak"
)

// Every test must leave no goroutine behind: neither the pool's worker nor
// a blocked Get.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
