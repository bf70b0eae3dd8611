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

// A deferred idempotent release runs last: an explicit plain release
// before it is fine; the other way round is not.
func deferredCloseThenEnd(ctx context.Context) {
	s, err := OpenSession(ctx)
	if err != nil {
		return
	}
	defer s.Close()
	s.End()
}

func deferredEndThenClose(ctx context.Context) {
	s, err := OpenSession(ctx)
	if err != nil {
		return
	}
	defer s.End()
	s.Close() // want `\*typestate.Session is released here and again by the deferred release at line 79: a second End corrupts its pool \(drop one of them\)`
}
