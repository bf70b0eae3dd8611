package connpool

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewRejectsBadConfig(t *testing.T) {
	connect := func(context.Context) (*plainConn, error) { return &plainConn{}, nil }
	cases := []struct {
		name string
		cfg  Config[*plainConn]
		msg  string
	}{
		{"no connect", Config[*plainConn]{MaxConns: 1}, "Connect is nil"},
		{"zero max", Config[*plainConn]{Connect: connect}, "MaxConns is 0"},
		{"negative max", Config[*plainConn]{Connect: connect, MaxConns: -1}, "MaxConns is -1"},
		{"negative min idle", Config[*plainConn]{Connect: connect, MaxConns: 1, MinIdle: -1}, "MinIdle is -1"},
		{"min idle above max", Config[*plainConn]{Connect: connect, MaxConns: 1, MinIdle: 2}, "MinIdle 2 exceeds MaxConns 1"},
		{"negative idle time", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxIdleTime: -1}, "MaxIdleTime"},
		{"negative lifetime", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxLifetime: -1}, "MaxLifetime"},
		{"negative period", Config[*plainConn]{Connect: connect, MaxConns: 1, HealthCheckPeriod: -1}, "HealthCheckPeriod"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.cfg)
			require.ErrorIs(t, err, ErrInvalidConfig)
			assert.ErrorContains(t, err, tc.msg)
			assert.Nil(t, p)
		})
	}
}

func TestHealthCheckPeriodDefaults(t *testing.T) {
	connect := func(context.Context) (*plainConn, error) { return &plainConn{}, nil }
	cases := []struct {
		name string
		cfg  Config[*plainConn]
		want time.Duration
	}{
		{"nothing to check: no worker", Config[*plainConn]{Connect: connect, MaxConns: 1, HealthCheckPeriod: time.Second}, 0},
		{"min idle: a minute", Config[*plainConn]{Connect: connect, MaxConns: 1, MinIdle: 1}, time.Minute},
		{"half the idle time", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxIdleTime: 10 * time.Second}, 5 * time.Second},
		{"half the shorter limit", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxIdleTime: 10 * time.Second, MaxLifetime: 4 * time.Second}, 2 * time.Second},
		{"long limits: a minute", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxLifetime: time.Hour}, time.Minute},
		{"floor", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxIdleTime: time.Nanosecond}, time.Millisecond},
		{"explicit", Config[*plainConn]{Connect: connect, MaxConns: 1, MaxIdleTime: time.Hour, HealthCheckPeriod: 3 * time.Second}, 3 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.cfg.validate()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestNoWorkerWithoutTimeLimits(t *testing.T) {
	db := &fakeDB{}
	p := newTestPool(t, db, Config[*fakeConn]{})
	assert.Nil(t, p.workerDone, "a pool with nothing to maintain starts no goroutine")
}
