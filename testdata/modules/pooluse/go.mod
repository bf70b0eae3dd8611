module example.com/pooluse

go 1.26.0

require github.com/connlint/connlint v0.0.0

replace github.com/connlint/connlint => ../../..
