// Stub of github.com/jackc/pgx/v5@v5.12.0 for offline analysistest; signatures copied from the real package.

// Package pgtype is an opaque stand-in: only the Map type referenced by pgx.Rows.TypeMap.
package pgtype

// Map is the registry of PostgreSQL types (opaque here).
type Map struct{}

// NewMap creates a new Map.
func NewMap() *Map { return &Map{} }
