// Package ownership is reservedclose's engine: it follows each acquired
// resource through the SSA form of a function, block by block, to every
// exit, and summarises what every function does with each parameter, so
// that callers (in this package and, through facts, in importing ones)
// know whether a call releases, keeps or only borrows what it is given.
//
// # Entry point
//
// The engine runs inside the facts analyzer (internal/facts, analyzer
// connlintfacts), once per package, whichever passes are enabled:
//
//	env := ownership.NewEnv(pass, strict, extra) // one Env per pass
//	problems := env.LoadDirectives(pass.Files)   // //connlint: directives -> facts
//	findings := env.Analyze(ssaInput.SrcFuncs)   // summaries -> facts; leaks, misuses, field leaks
//
// [Env.LoadDirectives] exports a [ReleaseFact] or [AfterReleaseFact] for
// each marked method and an [AcquireFact] for each //connlint:acquire
// function, and returns the directives that make no sense ([Problem]).
// [Env.Analyze] orders the package's functions callees first over the
// strongly connected components of its call graph (ssax.CalleesFirst),
// analyses each function (analyze.go: analyzeFunc), exports the summaries,
// checks the owning fields and returns the [Findings]. reservedclose
// reports the problems and findings; refcycle asks only which methods
// release (facts.Result.IsReleaseMethod: marked //connlint:release in any
// package, or a built-in family's release method).
//
// analyzeFunc does two things per function. For every call that is an
// acquisition (env.go: a built-in family's acquirer from internal/resource,
// a user-declared one from -acquire, an AcquireFact, a function of this
// package found to return what it acquired, an inferred owning struct, or
// an interface method or func value whose result is a resource type) it
// runs one search from the instruction after the call; a leaking path
// makes a [Leak], a release a starting point for the typestate checks.
// Then it summarises each parameter and free variable by a search from the
// function's entry that treats that value as the resource: the result is
// a [Param] per value.
//
// # Search, step, call, typestate
//
// search.go is the dataflow: a forward walk over basic blocks whose facts
// are states, the sets of values that refer to the resource. A (block,
// state) pair is visited once, so the cost is the size of the function
// times the few distinct states that reach each block; there is no path
// enumeration. It also decides, at the end of a block, which branch of an
// if ends the obligation: the acquisition's error is non-nil, the resource
// is nil, rows.Next() returned false, a select chose the case that sends
// the resource; and it skips a branch that a comparison of constants rules
// out (the path that skips the body of `for i := range 3`).
//
// step.go interprets one instruction: returns (the resource leaves in a
// result, or a deferred release covers it, or the path leaks), panics and
// no-return calls (the path ends), calls that a tie or a test assertion
// settles (ties.go, resource.Assertion), stores (into a local variable or
// aggregate: that becomes a container; anywhere else: handed on), map
// updates and sends (handed on), and every value derived from a tracked
// one (a field, an element, a load, a conversion) with its role.
//
// call.go decides a call that receives the resource as receiver, argument
// or captured variable. A release method releases; another method of the
// resource releases it if its summary says so (a closeBody() that releases
// behind a nil guard; a Quit() that releases when it returns nil, see
// conditions.go) and otherwise borrows it (unless, in the package that
// declares it, its body hands it on); any other call, the callee's
// summary decides
// (env.go: calleeSummary reads this package's summaries, the tables of
// internal/resource, then the imported [Summaries] fact). Through several
// operands, a release through any of them releases and a keep through any
// keeps. A deferred closure that releases a variable releases whatever the
// variable holds at exit.
//
// typestate.go runs after the leak search: from each release the search
// met, a forward may-scan finds uses of the released resource and second
// releases ([Misuse]), stopping where the acquisition runs again or the
// path cannot return. What stays legal after a release is data: a
// family's AfterRelease and ReleaseTwiceSafe, and methods marked
// //connlint:afterrelease or //connlint:release idempotent.
//
// # Entries and roles
//
// A state (state.go) is a slice of entries sorted by value number, owned
// by the block being interpreted (copied on its first change). An entry is
// one tracked SSA value and its role, what the value is to the resource:
//
//   - roleSelf: the resource itself (maybe converted or boxed);
//   - rolePart: a field of it, or its address (resp.Body);
//   - roleContainer: something that holds it: a local variable's cell, a
//     struct, slice or closure it was stored in, a result containing it;
//   - roleTuple: a multi-value result, with masks saying which components
//     are the resource, contain it, release it, or are errors;
//   - roleErr, roleErrCell: the acquisition's error, and a variable holding
//     it: a nil check on them tells the branch where nothing was acquired;
//   - roleOkErr: the error of a callee that released the resource when it
//     returns nil (conditions.go);
//   - roleSelect: a select one of whose cases sends the resource;
//   - roleReleaser: a function that releases the resource when called
//     (handles.go);
//   - roleOwner: a struct whose named field is the resource (fields.go).
//
// An entry may also be marked deferRelease: a deferred closure releases
// what that variable holds when the function exits.
//
// # What else the search knows
//
// Owning structs (owners.go): a function that returns a struct built
// around what it acquired acquires that struct, if the struct has a field
// that can hold a resource (a struct of plain data is no owner, whatever
// its methods' summaries say) and release methods. Those are inferred,
// never declared: a method whose summary
// releases its receiver on every path, or a promoted release method of an
// embedded resource (with that resource's other rules). A struct with
// neither that exposes exactly one resource in an exported field
// (Result{Rows *sql.Rows}) is released through that field, as an
// *http.Response through its Body. Such a family is marked Inferred and
// gets leak reports only. Because the callers of such
// a wrapper acquire only once it is known, Analyze analyses again the
// functions the new knowledge reaches (the callers of a new acquisition,
// and theirs when they return it) while new ones appear.
//
// Handles and closures (handles.go): an acquiring helper can return,
// beside the resource, a function that releases it (conn, cleanup, err :=
// getConn(ctx)); AcquireFact.Releasers says which results, and calling or
// deferring one releases the resource. A closure that captures the
// resource takes it over only if its body releases, keeps or returns it; a
// closure that only uses it borrows it, even when returned, stored or run
// as a goroutine, and the obligation stays with its creator. Handing a
// releasing closure (or a φ of them) to a call that keeps it
// (t.Cleanup(func() { tx.Rollback() })) arranges the release: the path goes
// on as if a deferred release covered it, a resource the function then
// returns is no acquisition for its callers (FuncSummary.Arranged), and
// Rows tied to such a transaction are released with it.
//
// Conditional releases (conditions.go): a callee that releases a parameter
// on some paths only keeps it for its callers, unless its error result
// tells the paths apart: [Param].Cond is [CondOnError] when every path
// that leaves it held returns a constant nil error, [CondOnSuccess] when
// none does. The caller then follows the resource on the branch of the
// error where it is still held, as with the acquisition's own error.
//
// Owning fields (fields.go): a struct of this package that stores a fresh
// acquisition into one of its fields owns it ([OwningField]; a field
// assigned from a parameter, or whose release the acquiring function
// arranged with t.Cleanup, is borrowed, not owned). Each of its release
// methods (release-shaped, and releasing its receiver or named like a
// release) is searched from its entry with the receiver as roleOwner; an
// exit that leaves the field held is a [FieldLeak] at the method, unless
// the method hands the field on (Hijack) or the exit is the early return of
// an idempotent Close behind its own guard (`if c.closed { return nil }`,
// where the method itself stores c.closed = true). A method named like a
// release that calls a method on an owning field but releases none of
// them on any path is no release method when another method of the
// struct, or another function of the package, releases them (a Close that
// only closes the connection inside a pooled slot that Release(reason)
// gives back; one that never looks at the field forgot it). If the struct
// has no
// release method, an unexported owning field that no function of the
// package (closures too) releases or hands on through a load of it (or
// returns from a copy of the struct: an envelope received from a channel)
// is a FieldLeak at the store.
//
// Ties (ties.go): some libraries release a resource on their own
// (resource.Tie): database/sql rolls back a BeginTx and closes Rows when
// the context given to the acquisition is canceled, and closes a Tx's Rows
// when the Tx ends. Calling such a cancel function (that of the context or
// of an ancestor, from context.WithCancel and friends or from a helper
// returning a ctx, cancel pair) or releasing the parent releases the
// resource; a cancel deferred before the acquisition, or handed on, settles
// every exit; an acquisition whose context was canceled on every path
// before it acquires nothing. Ties are transitive: what releases a parent
// on the library's side releases its children (a Tx's Rows close when the
// BeginTx context is canceled), a Stmt's Rows inherit the Stmt's ties
// without the Stmt (resource.Tie.ReceiverTies), and a summary says
// (links.go) which results a function returns tied to which parameter (Param.TiedResults:
// a helper preparing a Stmt on the Tx it was given, the Stmt returned
// itself or in a new struct that holds no other resource it acquired), or
// obtained by invoking which method on which interface parameter
// (Param.InvokedResults: the caller's concrete method's tie applies). A
// parent's release may be promoted from a struct embedding it; a
// parent's end arranged by the function that returned it (t.Cleanup, or
// a releasing closure appended to a list kept in a global or a map) ends
// the resource at every exit.
//
// Collections (collections.go): a resource put into a local slice or array
// is released by any release of the collection's elements (a range loop
// closing each, a callee that closes them all, if the elements can carry a
// resource at all). A variable that a closure
// created earlier captures, and releases or keeps, belongs to that closure
// once the resource is stored in it, if the closure was deferred (released
// at exit) or handed on (t.Cleanup, a goroutine).
//
// Assertion helpers (assertions.go): a function that takes an error (or
// an any) and stops on every path where it is nil (t.Fatal, a panic,
// another assertion) asserts it is non-nil, as testify's require.Error
// does; its summary says so ([Asserts]), and a caller that passes the
// acquisition's error holds nothing on the paths that go on. The proof is
// a search with the parameter as the error of a pretend acquisition, so
// every branch that proves an error non-nil counts, and also err.Error()
// (it panics on a nil error) and strings.Contains(fmt.Sprint(err), sub)
// for a sub that "<nil>" does not contain.
//
// Fakes (fakes.go): an http.Client built in the function around a
// Transport of this package whose RoundTrip returns a nil response on every
// path (itself, or the func it adapts) acquires nothing through Do, Get,
// Head, Post or PostForm (a test's recording transport); nor does a round
// trip of a request of the function that nothing gives a URL (or, for a
// Transport, a URL literal that nothing gives a Host). Which
// methods delegate to which field, and which need which field, is data:
// resource.DelegateOf and resource.NeededFields.
//
// The rest: prescreen.go skips the search for a parameter whose type
// cannot carry a resource (mayCarry) or that no use could release or hand
// on (mayDischarge: most are only read); headrequest.go recognises
// a HEAD request, whose response has no body and so is no acquisition,
// also where a helper sends the request it was given unchanged
// (Param.SentResults) and the caller's variable had its Method last set to
// HEAD on every path;
// directives.go reads the directives; facts.go defines the facts.
//
// # Fact flow
//
// The facts belong to the facts analyzer (it declares [FactTypes]); the
// passes declare none and read the same ones, so a driver running both
// computes them once per package:
//
//   - [ReleaseFact] and [AfterReleaseFact], on methods, from directives.
//     Read when building the family of a type from its marked methods,
//     when deciding whether a method releases (here, and in refcycle
//     through facts.Result), and by the typestate checks.
//   - [AcquireFact], on functions: from //connlint:acquire, and from
//     Analyze for an exported function that returns what it acquired (the
//     resource itself, its release field, or an owning struct around it),
//     with the family and the Releasers results. Read at every call.
//   - [Summaries], one package fact: for each exported function with a
//     parameter that is not a plain borrow, or a result whose release it
//     arranged, by ssax.FuncKey: a [Param] per parameter (receiver first)
//     (with the results tied to it, Param.TiedResults, and those that
//     are the response to sending it, Param.SentResults), the Arranged
//     results and the Asserts, sorted by key. A function absent from it borrows
//     everything: the drivers analyse a package's dependencies first, so a
//     missing entry is never a summary not yet computed. One fact per
//     package, not per function, because drivers copy every fact of every
//     dependency into each package's fact set: the count is what costs.
//
// Unexported functions export nothing: other packages cannot call them.
// All facts are gob-encodable, as the go vet, golangci-lint and nogo
// drivers require.
//
// # Bounds
//
//   - maxStatesPerBlock (16): distinct states one search explores at one
//     block. Past it, the search stops following that path and counts it
//     as handed on (outcome.truncated): an unexplored path never produces a
//     report, and a summary that was cut short is Keep.
//   - maxRounds (4): rounds of summarisation per recursive component of the
//     call graph (summaries only move from borrow towards release or keep,
//     so a few rounds settle all but pathological recursion, which keeps its
//     last answer); also the number of extra rounds (over the functions
//     a new inference reaches) while owning-struct wrappers are discovered
//     (a wrapper of a wrapper takes one more).
//   - Results and tuple components are bit masks in a uint32: only the
//     first 32 are tracked.
//
// # Deliberate approximations
//
// Where the engine cannot know, it decides on purpose, and mostly for
// silence:
//
//   - A call it cannot see into (an interface method, a func value) takes
//     ownership of a resource passed to it, unless strict (the -strict
//     flag); inside a summary, an interface method taking the
//     parameter as an argument borrows it (so io.Copy(w, resp.Body) does
//     not hide an unclosed body), while a func value still keeps it.
//   - One path that hands a parameter on makes its summary Keep, whatever
//     the other paths do; a parameter released on some paths only is Keep
//     (with a Cond when the error tells them apart).
//   - Leaks are reported at acquisitions only: a goroutine or callee that
//     receives a resource owns it, and its own paths are not checked from
//     the caller (a struct that receives one is, by the owning-field rule).
//   - An interface method or func value whose result is a resource type
//     acquires it, unless it looks like a getter (no error result and no
//     argument but contexts).
//   - context.Context and error parameters are never summarised: no
//     resource travels as one.
//   - Test assertions are read as if they stopped the test when they fail:
//     right for testify's require.*, and for assert.* the difference is a
//     path on which the test has already failed (resource.Assertion).
//   - The typestate checks are a may-analysis and skip inferred families:
//     a wrapper's own bookkeeping after its Close may be legal.
//   - An exported owning field of a struct with no release method is not
//     reported: the importers that read it may release it.
//
// The user-facing list is in docs/reservedclose.md ("Limits").
package ownership
