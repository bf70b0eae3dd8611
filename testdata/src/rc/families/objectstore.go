package families

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
)

// minio-go: *minio.Object from Client.GetObject -> Close.

func minioGetObjectBad(ctx context.Context, c *minio.Client, w io.Writer) error {
	obj, err := c.GetObject(ctx, "b", "k", minio.GetObjectOptions{}) // want `\*minio\.Object acquired here is not released on the path returning at line 19 \(call Close, or defer obj\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = io.Copy(w, obj)
	return err
}

func minioGetObjectGood(ctx context.Context, c *minio.Client, w io.Writer) error {
	obj, err := c.GetObject(ctx, "b", "k", minio.GetObjectOptions{})
	if err != nil {
		return err
	}
	defer obj.Close()
	_, err = io.Copy(w, obj)
	return err
}

// aws-sdk-go-v2 s3: the Body of GetObject's output -> Body.Close.

func s3GetObjectBad(ctx context.Context, c *s3.Client, in *s3.GetObjectInput) ([]byte, error) {
	out, err := c.GetObject(ctx, in) // want `\*s3\.GetObjectOutput acquired here is not released on the path returning at line 39 \(call Body\.Close, or defer out\.Body\.Close\(\) after the error check\)`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(out.Body)
}

func s3GetObjectGood(ctx context.Context, c *s3.Client, in *s3.GetObjectInput) ([]byte, error) {
	out, err := c.GetObject(ctx, in)
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	return io.ReadAll(out.Body)
}
