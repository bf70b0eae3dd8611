// Package bench compares connpool's Get+Recycle with other Go connection
// pools. It is its own module so that the root module's tests and vet never
// build the competitors (or their dependencies):
//
//	cd runtime/bench && go test -run '^$' -bench . -cpu 2 -count 6
//
// The contention runs repeat the same benchmarks at GOMAXPROCS 1, 2, 4 and
// 8; b.RunParallel starts one goroutine per P, so on a machine with fewer
// cores than that the goroutines are oversubscribed (see docs/pool.md for
// what that can and cannot show):
//
//	cd runtime/bench && go test -run '^$' -bench . -cpu 1,2,4,8 -count 6
package bench
