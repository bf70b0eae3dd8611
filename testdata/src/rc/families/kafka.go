package families

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// kafka-go: *kafka.Conn from Dial* (package functions and Dialer methods),
// *kafka.Reader from NewReader, *kafka.Writer from NewWriter, *kafka.Batch
// from Conn.ReadBatch (it holds the connection's read lock) -> Close.

func kafkaDialBad(addr string) error {
	conn, err := kafka.Dial("tcp", addr) // want `\*kafka\.Conn acquired here is not released on the path returning at line 19 \(call Close, or defer conn\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{Value: []byte("x")})
	return err
}

func kafkaDialGood(addr string) error {
	conn, err := kafka.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{Value: []byte("x")})
	return err
}

func kafkaDialContextBad(ctx context.Context, addr string) error {
	conn, err := kafka.DialContext(ctx, "tcp", addr) // want `\*kafka\.Conn acquired here is not released on the path returning at line 38`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialContextGood(ctx context.Context, addr string) error {
	conn, err := kafka.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialLeaderBad(ctx context.Context, addr string) error {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, "t", 0) // want `\*kafka\.Conn acquired here is not released on the path returning at line 57`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialLeaderGood(ctx context.Context, addr string) error {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, "t", 0)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialPartitionBad(ctx context.Context, addr string, p kafka.Partition) error {
	conn, err := kafka.DialPartition(ctx, "tcp", addr, p) // want `\*kafka\.Conn acquired here is not released on the path returning at line 76`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialPartitionGood(ctx context.Context, addr string, p kafka.Partition) error {
	conn, err := kafka.DialPartition(ctx, "tcp", addr, p)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerBad(ctx context.Context, d *kafka.Dialer, addr string) error {
	conn, err := d.DialContext(ctx, "tcp", addr) // want `\*kafka\.Conn acquired here is not released on the path returning at line 95`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerGood(ctx context.Context, d *kafka.Dialer, addr string) error {
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerDialBad(d *kafka.Dialer, addr string) error {
	conn, err := d.Dial("tcp", addr) // want `\*kafka\.Conn acquired here is not released on the path returning at line 114`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerDialGood(d *kafka.Dialer, addr string) error {
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerLeaderBad(ctx context.Context, d *kafka.Dialer, addr string) error {
	conn, err := d.DialLeader(ctx, "tcp", addr, "t", 0) // want `\*kafka\.Conn acquired here is not released on the path returning at line 133`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerLeaderGood(ctx context.Context, d *kafka.Dialer, addr string) error {
	conn, err := d.DialLeader(ctx, "tcp", addr, "t", 0)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerPartitionBad(ctx context.Context, d *kafka.Dialer, addr string, p kafka.Partition) error {
	conn, err := d.DialPartition(ctx, "tcp", addr, p) // want `\*kafka\.Conn acquired here is not released on the path returning at line 152`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaDialerPartitionGood(ctx context.Context, d *kafka.Dialer, addr string, p kafka.Partition) error {
	conn, err := d.DialPartition(ctx, "tcp", addr, p)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

func kafkaReaderBad(ctx context.Context, brokers []string) ([]byte, error) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "t"}) // want `\*kafka\.Reader acquired here is not released on the path returning at line 169 \(call Close, or defer r\.Close\(\) right after acquiring it\)`
	m, err := r.ReadMessage(ctx)
	if err != nil {
		return nil, err
	}
	return m.Value, r.Close()
}

func kafkaReaderGood(ctx context.Context, brokers []string) ([]byte, error) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "t"})
	defer r.Close()
	m, err := r.ReadMessage(ctx)
	if err != nil {
		return nil, err
	}
	return m.Value, nil
}

func kafkaWriterBad(ctx context.Context, brokers []string) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "t"}) // want `\*kafka\.Writer acquired here is not released on the path returning at line 186`
	return w.WriteMessages(ctx, kafka.Message{Value: []byte("x")})
}

func kafkaWriterGood(ctx context.Context, brokers []string) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "t"})
	defer w.Close()
	return w.WriteMessages(ctx, kafka.Message{Value: []byte("x")})
}

func kafkaReadBatchBad(conn *kafka.Conn) ([][]byte, error) {
	batch := conn.ReadBatch(1, 1<<20) // want `\*kafka\.Batch acquired here is not released on the path returning at line 205 \(call Close, or defer batch\.Close\(\) right after acquiring it\)`
	var out [][]byte
	for {
		m, err := batch.ReadMessage()
		if err != nil {
			break
		}
		out = append(out, m.Value)
	}
	return out, batch.Err()
}

func kafkaReadBatchGood(conn *kafka.Conn) ([][]byte, error) {
	batch := conn.ReadBatch(1, 1<<20)
	var out [][]byte
	for {
		m, err := batch.ReadMessage()
		if err != nil {
			break
		}
		out = append(out, m.Value)
	}
	return out, batch.Close()
}

func kafkaReadBatchWithBad(conn *kafka.Conn) (int64, error) {
	batch := conn.ReadBatchWith(kafka.ReadBatchConfig{MaxBytes: 1 << 20}) // want `\*kafka\.Batch acquired here is not released on the path returning at line 224`
	_, err := batch.ReadMessage()
	return batch.Offset(), err
}

func kafkaReadBatchWithGood(conn *kafka.Conn) (int64, error) {
	batch := conn.ReadBatchWith(kafka.ReadBatchConfig{MaxBytes: 1 << 20})
	defer batch.Close()
	_, err := batch.ReadMessage()
	return batch.Offset(), err
}
