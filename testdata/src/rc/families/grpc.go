package families

import (
	"context"

	"google.golang.org/grpc"
)

// gRPC: *grpc.ClientConn from NewClient, Dial, DialContext -> Close.
// Client streams: grpcstream.go.

func grpcNewClientBad(ctx context.Context, target string) error {
	cc, err := grpc.NewClient(target) // want `\*grpc\.ClientConn acquired here is not released on the path returning at line 17 \(call Close, or defer cc\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return cc.Invoke(ctx, "/svc/M", nil, nil)
}

func grpcNewClientGood(ctx context.Context, target string) error {
	cc, err := grpc.NewClient(target)
	if err != nil {
		return err
	}
	defer cc.Close()
	return cc.Invoke(ctx, "/svc/M", nil, nil)
}

func grpcDialBad(ctx context.Context, target string) error {
	cc, err := grpc.Dial(target, grpc.WithBlock()) // want `\*grpc\.ClientConn acquired here is not released on the path returning at line 34`
	if err != nil {
		return err
	}
	return cc.Invoke(ctx, "/svc/M", nil, nil)
}

func grpcDialGood(ctx context.Context, target string) error {
	cc, err := grpc.Dial(target, grpc.WithBlock())
	if err != nil {
		return err
	}
	defer cc.Close()
	return cc.Invoke(ctx, "/svc/M", nil, nil)
}

func grpcDialContextBad(ctx context.Context, target string) (string, error) {
	cc, err := grpc.DialContext(ctx, target) // want `\*grpc\.ClientConn acquired here is not released on the path returning at line 52`
	if err != nil {
		return "", err
	}
	if err := cc.Invoke(ctx, "/svc/M", nil, nil); err != nil {
		return "", err
	}
	cc.Close()
	return cc.Target(), nil // Target after Close is legal
}

func grpcDialContextGood(ctx context.Context, target string) (string, error) {
	cc, err := grpc.DialContext(ctx, target)
	if err != nil {
		return "", err
	}
	if err := cc.Invoke(ctx, "/svc/M", nil, nil); err != nil {
		cc.Close()
		return "", err
	}
	cc.Close()
	return cc.Target(), nil
}

// A client kept in a struct is handed on.
type grpcService struct{ cc *grpc.ClientConn }

func (s *grpcService) Close() error { return s.cc.Close() }

func newGRPCService(target string) (*grpcService, error) {
	cc, err := grpc.NewClient(target)
	if err != nil {
		return nil, err
	}
	return &grpcService{cc: cc}, nil
}
