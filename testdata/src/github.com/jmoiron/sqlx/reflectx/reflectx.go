// Package reflectx is an opaque stub of github.com/jmoiron/sqlx/reflectx.
package reflectx

// Mapper maps struct fields to column names.
type Mapper struct{}
