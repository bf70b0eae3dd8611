// Package fakedb stands for vitess go/mysql/fakesqldb: a DB owns a listener.
package fakedb

import "net"

type DB struct{ ln net.Listener }

func New() (*DB, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &DB{ln: ln}, nil
}

func (db *DB) AddQuery(q string) {}

func (db *DB) Close() { db.ln.Close() }
