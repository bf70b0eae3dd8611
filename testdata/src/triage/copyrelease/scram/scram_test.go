package scram

import "testing"

func TestRecv(t *testing.T) {
	setup := func(t *testing.T) *scramClient {
		t.Helper()
		return &scramClient{first: []byte("n,,"), second: []byte("r=x")}
	}
	t.Run("Invalid", func(t *testing.T) {
		sc := setup(t) // not an acquisition: *scramClient is no resource
		if sc.recv([]byte("e=error")) {
			t.Error("accepted")
		}
	})
}
