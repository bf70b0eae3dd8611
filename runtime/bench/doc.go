// Package bench compares connpool's Get+Recycle with other Go connection
// pools. It is its own module so that the root module's tests and vet never
// build the competitors (or their dependencies):
//
//	cd runtime/bench && go test -run '^$' -bench . -cpu 2 -count 6
package bench
