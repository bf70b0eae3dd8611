package families

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"

	"rc/families/routeguide"
)

// gRPC client streams: from ClientConn.NewStream and the generated
// streaming methods -> context cancel, Recv until an error, CloseAndRecv.
// Only a stream whose context the function made is its to end.

func streamFirstBad(c routeguide.RouteGuideClient, r *routeguide.Rectangle) (*routeguide.Feature, error) {
	stream, err := c.ListFeatures(context.Background(), r) // want `grpc\.ClientStream acquired here is not released on the path returning at line 24 \(cancel its context, or receive until Recv returns an error\)`
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
	stream, err := c.ListFeatures(ctx, r) // want `grpc\.ClientStream acquired here is not released on the path returning at line 89`
	if err != nil {
		cancel()
		return nil, nil, err
	}
	f, err := stream.Recv()
	return f, func() {}, err
}

func recordBad(c routeguide.RouteGuideClient, points []*routeguide.Point) error {
	stream, err := c.RecordRoute(context.Background()) // want `grpc\.ClientStream acquired here is not released on the path returning at line 102`
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
	stream, err := c.ListFeatures(context.TODO(), r) // want `grpc\.ClientStream acquired here is not released on the path returning at line 148`
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
	s, err := cc.NewStream(context.Background(), echoDesc, "/echo.Echo/Echo") // want `grpc\.ClientStream acquired here is not released on the path returning at line 184`
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
	stream, err := openFeed(c) // want `grpc\.ClientStream acquired here is not released on the path returning at line 231`
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

// Streams opened in a loop and dropped, each ended by the deferred cancel
// of their context (a test that counts started RPCs).
func startManyGood(c routeguide.RouteGuideClient) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 10 {
		if _, err := c.RouteChat(ctx); err != nil {
			return err
		}
	}
	return nil
}

func startManyBad(c routeguide.RouteGuideClient) error {
	for range 10 {
		if _, err := c.RouteChat(context.Background()); err != nil { // want `grpc\.ClientStream acquired here is not released before the loop comes back and acquires the next one`
			return err
		}
	}
	return nil
}

type ctxKey struct{}

// A context derived with a value is canceled with its parent.
func valueContextGood(c routeguide.RouteGuideClient) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := c.RouteChat(context.WithValue(ctx, ctxKey{}, 1))
	return err
}

// A context without cancel is never canceled: the stream is this
// function's to end, whoever gave it the parent.
func withoutCancelBad(ctx context.Context, c routeguide.RouteGuideClient) error {
	_, err := c.RouteChat(context.WithoutCancel(ctx)) // want `grpc\.ClientStream acquired here is not released`
	return err
}

// Handed to a goroutine that works on it until an error or until ctx is
// done: the goroutine owns it.
func goroutineOwnsGood(ctx context.Context, c routeguide.RouteGuideClient, note *routeguide.RouteNote) error {
	stream, err := c.RouteChat(context.Background())
	if err != nil {
		return err
	}
	go func() {
		for {
			if err := roundTrip(stream, note); err != nil {
				return
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	return nil
}

func roundTrip(stream grpc.BidiStreamingClient[routeguide.RouteNote, routeguide.RouteNote], note *routeguide.RouteNote) error {
	if err := stream.Send(note); err != nil {
		return err
	}
	_, err := stream.Recv()
	return err
}

type benchClient struct{ hist []int }

// The benchmark worker's shape: the stream goes to a goroutine that runs a
// round trip chosen at run time, or to a timer's callback.
func (bc *benchClient) streamingLoopGood(ctx context.Context, c routeguide.RouteGuideClient, fast bool, note *routeguide.RouteNote) {
	var doRPC func(grpc.BidiStreamingClient[routeguide.RouteNote, routeguide.RouteNote], *routeguide.RouteNote) error
	if fast {
		doRPC = roundTrip
	} else {
		doRPC = roundTripTwice
	}
	for i := range 3 {
		stream, err := c.RouteChat(context.Background())
		if err != nil {
			return
		}
		if !fast {
			time.AfterFunc(time.Millisecond, func() {
				bc.poissonStreaming(stream, i, note, doRPC)
			})
			continue
		}
		go func(idx int) {
			for {
				if err := doRPC(stream, note); err != nil {
					return
				}
				bc.hist[idx]++
				if ctx.Err() != nil {
					return
				}
			}
		}(i)
	}
}

func roundTripTwice(stream grpc.BidiStreamingClient[routeguide.RouteNote, routeguide.RouteNote], note *routeguide.RouteNote) error {
	if err := roundTrip(stream, note); err != nil {
		return err
	}
	return roundTrip(stream, note)
}

func (bc *benchClient) poissonStreaming(stream grpc.BidiStreamingClient[routeguide.RouteNote, routeguide.RouteNote], idx int, note *routeguide.RouteNote, doRPC func(grpc.BidiStreamingClient[routeguide.RouteNote, routeguide.RouteNote], *routeguide.RouteNote) error) {
	go func() {
		if err := doRPC(stream, note); err != nil {
			return
		}
		bc.hist[idx]++
	}()
	time.AfterFunc(time.Millisecond, func() {
		bc.poissonStreaming(stream, idx, note, doRPC)
	})
}

// Closing the ClientConn a generated client was built on ends the streams
// the client opened.
func clientConnClosedGood(target string, note *routeguide.RouteNote) error {
	cc, err := grpc.NewClient(target)
	if err != nil {
		return err
	}
	defer cc.Close()
	c := routeguide.NewRouteGuideClient(cc)
	stream, err := c.RouteChat(context.Background())
	if err != nil {
		return err
	}
	return stream.Send(note)
}

func clientConnKeptBad(cc *grpc.ClientConn, note *routeguide.RouteNote) error {
	c := routeguide.NewRouteGuideClient(cc)
	stream, err := c.RouteChat(context.Background()) // want `grpc\.ClientStream acquired here is not released on the path returning at line 396`
	if err != nil {
		return err
	}
	return stream.Send(note)
}
