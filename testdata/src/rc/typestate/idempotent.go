package typestate

import "context"

// Session's Close is declared idempotent: closing again is a no-op, so a
// deferred Close after an early one is the type's documented idiom. End is
// a plain release: a second release through it is still a bug.
type Session struct{}

// OpenSession acquires a session.
//
//connlint:acquire
func OpenSession(ctx context.Context) (*Session, error) { return &Session{}, ctx.Err() }

// Close ends the session; closing a closed session does nothing.
//
//connlint:release idempotent
func (s *Session) Close() {}

// End ends the session and must be called at most once.
//
//connlint:release
func (s *Session) End() {}

func closeEarlyThenDeferredClose(ctx context.Context, broken bool) {
	s, err := OpenSession(ctx)
	if err != nil {
		return
	}
	defer s.Close()
	if broken {
		s.Close()
	}
}

func closeTwice(ctx context.Context) {
	s, err := OpenSession(ctx)
	if err != nil {
		return
	}
	s.Close()
	s.Close()
}

func endThenClose(ctx context.Context) {
	s, err := OpenSession(ctx)
	if err != nil {
		return
	}
	s.End()
	s.Close()
}

func closeThenEnd(ctx context.Context) {
	s, err := OpenSession(ctx)
	if err != nil {
		return
	}
	s.Close()
	s.End() // want `\*typestate.Session released again after its release at line 59: a second release corrupts its pool \(release it once\)`
}
