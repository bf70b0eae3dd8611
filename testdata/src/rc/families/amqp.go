package families

import (
	"context"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

// RabbitMQ (amqp091-go): *amqp.Connection from Dial* and Open -> Close or
// CloseDeadline; *amqp.Channel from Connection.Channel -> Close, or closing
// its connection.

func amqpDialBad(url string) error {
	conn, err := amqp.Dial(url) // want `\*amqp091\.Connection acquired here is not released on the path returning at line 20 \(call Close or CloseDeadline, or defer conn\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	if conn.IsClosed() {
		return nil
	}
	return conn.Close()
}

func amqpDialGood(url string) error {
	conn, err := amqp.Dial(url)
	if err != nil {
		return err
	}
	if conn.IsClosed() {
		return conn.Close()
	}
	return conn.CloseDeadline(time.Now().Add(time.Second))
}

func amqpDialTLSBad(url string) (*amqp.Channel, error) {
	conn, err := amqp.DialTLS(url, nil) // want `\*amqp091\.Connection acquired here is not released on the path returning at line 43`
	if err != nil {
		return nil, err
	}
	ch, err := conn.Channel()
	if err != nil {
		return nil, err
	}
	return ch, nil
}

// The channel is handed on; the connection is closed where the channel
// cannot be opened. (The caller's channel outlives this function, so the
// connection must too: here it is handed on with it.)
type amqpSession struct {
	conn *amqp.Connection
	ch   *amqp.Channel
}

func amqpDialTLSGood(url string) (*amqpSession, error) {
	conn, err := amqp.DialTLS(url, nil)
	if err != nil {
		return nil, err
	}
	ch, err := conn.Channel()
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &amqpSession{conn, ch}, nil
}

func (s *amqpSession) Close() error {
	s.ch.Close()
	return s.conn.Close()
}

func amqpDialConfigBad(url string) error {
	conn, err := amqp.DialConfig(url, amqp.Config{}) // want `\*amqp091\.Connection acquired here is not released on the path returning at line 80`
	if err != nil {
		return err
	}
	_ = conn.IsClosed()
	return nil
}

func amqpDialConfigGood(url string) error {
	conn, err := amqp.DialConfig(url, amqp.Config{})
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.IsClosed()
	return nil
}

func amqpChannelBad(ctx context.Context, conn *amqp.Connection) error {
	ch, err := conn.Channel() // want `\*amqp091\.Channel acquired here is not released on the path returning at line 98 \(call Close, or defer ch\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return ch.PublishWithContext(ctx, "", "q", false, false, amqp.Publishing{Body: []byte("x")})
}

func amqpChannelGood(ctx context.Context, conn *amqp.Connection) error {
	ch, err := conn.Channel()
	if err != nil {
		return err
	}
	defer ch.Close()
	return ch.PublishWithContext(ctx, "", "q", false, false, amqp.Publishing{Body: []byte("x")})
}

// Closing the connection closes its channels.
func amqpChannelWithConnGood(ctx context.Context, url string) error {
	conn, err := amqp.Dial(url)
	if err != nil {
		return err
	}
	defer conn.Close()
	ch, err := conn.Channel()
	if err != nil {
		return err
	}
	return ch.PublishWithContext(ctx, "", "q", false, false, amqp.Publishing{Body: []byte("x")})
}

// NotifyClose after Close is legal (the listener's channel is closed at
// once); QueueDeclare after Close is a use after release.
func amqpNotifyCloseAfterCloseGood(conn *amqp.Connection) (*amqp.Error, error) {
	ch, err := conn.Channel()
	if err != nil {
		return nil, err
	}
	ch.Close()
	return <-ch.NotifyClose(make(chan *amqp.Error, 1)), nil
}

func amqpDeclareAfterCloseBad(conn *amqp.Connection) error {
	ch, err := conn.Channel()
	if err != nil {
		return err
	}
	ch.Close()
	_, err = ch.QueueDeclare("q", false, false, false, false, nil) // want `\*amqp091\.Channel QueueDeclare called after its release at line 140`
	return err
}
