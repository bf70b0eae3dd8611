package routeguide

import (
	context "context"

	grpc "google.golang.org/grpc"
)

// The shape protoc-gen-go-grpc generated before v1.4 (and much checked-in
// code still has): a stream interface per method that embeds
// grpc.ClientStream, and an unexported struct around the stream.

type LegacyGuideClient interface {
	ListFeatures(ctx context.Context, in *Rectangle, opts ...grpc.CallOption) (LegacyGuide_ListFeaturesClient, error)
}

type legacyGuideClient struct {
	cc grpc.ClientConnInterface
}

func NewLegacyGuideClient(cc grpc.ClientConnInterface) LegacyGuideClient {
	return &legacyGuideClient{cc}
}

func (c *legacyGuideClient) ListFeatures(ctx context.Context, in *Rectangle, opts ...grpc.CallOption) (LegacyGuide_ListFeaturesClient, error) {
	stream, err := c.cc.NewStream(ctx, &RouteGuide_ServiceDesc.Streams[0], "/routeguide.LegacyGuide/ListFeatures", opts...)
	if err != nil {
		return nil, err
	}
	x := &legacyGuideListFeaturesClient{stream}
	if err := x.ClientStream.SendMsg(in); err != nil {
		return nil, err
	}
	if err := x.ClientStream.CloseSend(); err != nil {
		return nil, err
	}
	return x, nil
}

type LegacyGuide_ListFeaturesClient interface {
	Recv() (*Feature, error)
	grpc.ClientStream
}

type legacyGuideListFeaturesClient struct {
	grpc.ClientStream
}

func (x *legacyGuideListFeaturesClient) Recv() (*Feature, error) {
	m := new(Feature)
	if err := x.ClientStream.RecvMsg(m); err != nil {
		return nil, err
	}
	return m, nil
}
