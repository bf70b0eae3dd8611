// Package retrycollect: resources gathered in a slice declared inside a
// retry loop, all closed when the attempt falls short, then the loop tries
// again.
//
// Found in the re-sweep of the old corpus on main at 6853773: std
// net/mockserver_test.go:377 (newDualStackPacketListener, new since
// 3bc9cd7):
//
//	for i := 0; i < 64; i++ {
//		var cs []*UDPConn
//		for _, arg := range args {
//			c, err := ListenUDP(arg.network, &arg.UDPAddr)
//			if err != nil {
//				continue
//			}
//			cs = append(cs, c)
//		}
//		if len(cs) != len(args) {
//			for _, c := range cs {
//				c.Close()
//			}
//			continue
//		}
//		return cs, nil
//	}
//	return nil, errors.New("no dualstack port available")
//
// reported as "*net.UDPConn acquired here is not released on the path
// returning at line 390" (the last return). The element-wise release was
// not seen: *net.UDPConn's Close is promoted from the embedded net.conn, so
// SSA calls it on &c.conn, not on the element loaded from the slice.
//
// Expected: a promoted release method called on an element releases it
// (silent); the twin whose short attempt does not close the slice is
// reported.
package retrycollect

import (
	"errors"
	"net"
)

func dualStack(addrs []string) ([]*net.UDPConn, error) {
	for i := 0; i < 64; i++ {
		var cs []*net.UDPConn
		for _, a := range addrs {
			c, err := net.ListenUDP("udp", &net.UDPAddr{Port: len(a)})
			if err != nil {
				continue
			}
			cs = append(cs, c)
		}
		if len(cs) != len(addrs) {
			for _, c := range cs {
				c.Close()
			}
			continue
		}
		return cs, nil
	}
	return nil, errors.New("no dualstack port available")
}

func dualStackLeaky(addrs []string) ([]*net.UDPConn, error) {
	for i := 0; i < 64; i++ {
		var cs []*net.UDPConn
		for _, a := range addrs {
			c, err := net.ListenUDP("udp", &net.UDPAddr{Port: len(a)}) // want `\*net\.UDPConn acquired here is not released`
			if err != nil {
				continue
			}
			cs = append(cs, c)
		}
		if len(cs) != len(addrs) {
			continue
		}
		return cs, nil
	}
	return nil, errors.New("no dualstack port available")
}
