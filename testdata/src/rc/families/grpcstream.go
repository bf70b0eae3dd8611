package families

import (
	"context"
	"errors"
	"io"

	"google.golang.org/grpc"

	"rc/families/routeguide"
)

// gRPC client streams: from ClientConn.NewStream and the generated
// streaming methods -> context cancel, Recv until an error, CloseAndRecv.
// Only a stream whose context the function made is its to end.

func streamFirstBad(c routeguide.RouteGuideClient, r *routeguide.Rectangle) (*routeguide.Feature, error) {
	stream, err := c.ListFeatures(context.Background(), r) // want `grpc\.ClientStream acquired here is not released on the path returning at line 23 \(cancel its context, or receive until Recv returns an error\)`
	if err != nil {
		return nil, err
	}
	f, err := stream.Recv()
	return f, err // a nil error leaves the stream open for ever
}

func streamAllGood(c routeguide.RouteGuideClient, r *routeguide.Rectangle) ([]*routeguide.Feature, error) {
	stream, err := c.ListFeatures(context.Background(), r)
	if err != nil {
		return nil, err
	}
	var out []*routeguide.Feature
	for {
		f, err := stream.Recv()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
}

func streamAllErrorsIsGood(c routeguide.RouteGuideClient, r *routeguide.Rectangle) (n int, err error) {
	stream, err := c.ListFeatures(context.Background(), r)
	if err != nil {
		return 0, err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return n, err
		}
		n++
	}
	return n, nil
}

// The context is the caller's: the stream ends when the caller cancels it.
func streamFirstCallersContext(ctx context.Context, c routeguide.RouteGuideClient, r *routeguide.Rectangle) (*routeguide.Feature, error) {
	stream, err := c.ListFeatures(ctx, r)
	if err != nil {
		return nil, err
	}
	return stream.Recv()
}

func streamFirstCanceledGood(c routeguide.RouteGuideClient, r *routeguide.Rectangle) (*routeguide.Feature, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stream, err := c.ListFeatures(ctx, r)
	if err != nil {
		return nil, err
	}
	return stream.Recv()
}

func streamFirstNotCanceledBad(parent context.Context, c routeguide.RouteGuideClient, r *routeguide.Rectangle) (*routeguide.Feature, context.CancelFunc, error) {
	ctx, cancel := context.WithCancel(parent)
	stream, err := c.ListFeatures(ctx, r) // want `grpc\.ClientStream acquired here is not released on the path returning at line 88`
	if err != nil {
		cancel()
		return nil, nil, err
	}
	f, err := stream.Recv()
	return f, func() {}, err
}

func recordBad(c routeguide.RouteGuideClient, points []*routeguide.Point) error {
	stream, err := c.RecordRoute(context.Background()) // want `grpc\.ClientStream acquired here is not released on the path returning at line 101`
	if err != nil {
		return err
	}
	for _, p := range points {
		if err := stream.Send(p); err != nil {
			return err
		}
	}
	return nil // no CloseAndRecv: the server's summary is never read
}

func recordGood(c routeguide.RouteGuideClient, points []*routeguide.Point) (*routeguide.RouteSummary, error) {
	stream, err := c.RecordRoute(context.Background())
	if err != nil {
		return nil, err
	}
	for _, p := range points {
		if err := stream.Send(p); err != nil {
			return nil, err
		}
	}
	return stream.CloseAndRecv()
}

// Handed to a goroutine that drains it.
func chatGood(c routeguide.RouteGuideClient, notes []*routeguide.RouteNote) error {
	stream, err := c.RouteChat(context.Background())
	if err != nil {
		return err
	}
	go func() {
		for {
			if _, err := stream.Recv(); err != nil {
				return
			}
		}
	}()
	for _, n := range notes {
		if err := stream.Send(n); err != nil {
			return err
		}
	}
	return stream.CloseSend()
}

func legacyFirstBad(c routeguide.LegacyGuideClient, r *routeguide.Rectangle) (string, error) {
	stream, err := c.ListFeatures(context.TODO(), r) // want `grpc\.ClientStream acquired here is not released on the path returning at line 147`
	if err != nil {
		return "", err
	}
	f, err := stream.Recv()
	if err != nil {
		return "", err
	}
	return f.Name, nil
}

func legacyDrainGood(c routeguide.LegacyGuideClient, r *routeguide.Rectangle) (names []string, err error) {
	stream, err := c.ListFeatures(context.TODO(), r)
	if err != nil {
		return nil, err
	}
	return drain(stream)
}

// drain receives until the stream ends: it releases its parameter.
func drain(stream routeguide.LegacyGuide_ListFeaturesClient) ([]string, error) {
	var names []string
	for {
		f, err := stream.Recv()
		if err == io.EOF {
			return names, nil
		}
		if err != nil {
			return nil, err
		}
		names = append(names, f.Name)
	}
}

var echoDesc = &grpc.StreamDesc{StreamName: "Echo", ServerStreams: true}

func newStreamBad(cc *grpc.ClientConn) error {
	s, err := cc.NewStream(context.Background(), echoDesc, "/echo.Echo/Echo") // want `grpc\.ClientStream acquired here is not released on the path returning at line 183`
	if err != nil {
		return err
	}
	if err := s.SendMsg("hello"); err != nil {
		return err
	}
	return s.CloseSend() // the send side only: the stream stays open
}

func newStreamGood(cc *grpc.ClientConn) error {
	s, err := cc.NewStream(context.Background(), echoDesc, "/echo.Echo/Echo")
	if err != nil {
		return err
	}
	if err := s.SendMsg("hello"); err != nil {
		return err
	}
	if err := s.CloseSend(); err != nil {
		return err
	}
	var reply string
	for {
		if err := s.RecvMsg(&reply); err != nil {
			return nil
		}
	}
}

// Closing the ClientConn ends its streams.
func newStreamConnClosedGood(target string) error {
	cc, err := grpc.NewClient(target)
	if err != nil {
		return err
	}
	defer cc.Close()
	s, err := cc.NewStream(context.Background(), echoDesc, "/echo.Echo/Echo")
	if err != nil {
		return err
	}
	return s.SendMsg("hello")
}

// openFeed made the stream's context: its caller owns the stream.
func openFeed(c routeguide.RouteGuideClient) (grpc.ServerStreamingClient[routeguide.Feature], error) {
	return c.ListFeatures(context.Background(), &routeguide.Rectangle{})
}

func openFeedBad(c routeguide.RouteGuideClient) error {
	stream, err := openFeed(c) // want `grpc\.ClientStream acquired here is not released on the path returning at line 230`
	if err != nil {
		return err
	}
	_, err = stream.Header()
	return err
}

func openFeedGood(c routeguide.RouteGuideClient) error {
	stream, err := openFeed(c)
	if err != nil {
		return err
	}
	_, err = drainFeatures(stream)
	return err
}

func drainFeatures(stream grpc.ServerStreamingClient[routeguide.Feature]) (n int, err error) {
	for {
		if _, err := stream.Recv(); err != nil {
			return n, nil
		}
		n++
	}
}
