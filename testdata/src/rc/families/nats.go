package families

import (
	"time"

	"github.com/nats-io/nats.go"
)

// NATS: *nats.Conn from Connect -> Close or Drain; a synchronous
// *nats.Subscription -> Unsubscribe or Drain, or closing its connection.
// A Subscribe with a handler is no acquisition: it is meant to outlive the
// function that starts it.

func natsConnectBad(url string) error {
	nc, err := nats.Connect(url) // want `\*nats\.Conn acquired here is not released on the path returning at line 19 \(call Close or Drain, or defer nc\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	return nc.Publish("s", nil)
}

func natsConnectGood(url string) error {
	nc, err := nats.Connect(url)
	if err != nil {
		return err
	}
	defer nc.Close()
	return nc.Publish("s", nil)
}

func natsOptionsConnectBad(o nats.Options) error {
	nc, err := o.Connect() // want `\*nats\.Conn acquired here is not released on the path returning at line 37`
	if err != nil {
		return err
	}
	if err := nc.Publish("s", nil); err != nil {
		return err
	}
	return nc.Drain()
}

func natsOptionsConnectGood(o nats.Options) error {
	nc, err := o.Connect()
	if err != nil {
		return err
	}
	if err := nc.Publish("s", nil); err != nil {
		nc.Close()
		return err
	}
	return nc.Drain()
}

func natsSubscribeSyncBad(nc *nats.Conn) ([]byte, error) {
	sub, err := nc.SubscribeSync("s") // want `\*nats\.Subscription acquired here is not released on the path returning at line 61 \(call Unsubscribe or Drain, or defer sub\.Unsubscribe\(\) after the error check\)`
	if err != nil {
		return nil, err
	}
	m, err := sub.NextMsg(time.Second)
	if err != nil {
		return nil, err
	}
	return m.Data, nil
}

func natsSubscribeSyncGood(nc *nats.Conn) ([]byte, error) {
	sub, err := nc.SubscribeSync("s")
	if err != nil {
		return nil, err
	}
	defer sub.Unsubscribe()
	m, err := sub.NextMsg(time.Second)
	if err != nil {
		return nil, err
	}
	return m.Data, nil
}

func natsQueueSubscribeSyncBad(nc *nats.Conn) error {
	sub, err := nc.QueueSubscribeSync("s", "q") // want `\*nats\.Subscription acquired here is not released on the path returning at line 85`
	if err != nil {
		return err
	}
	_, err = sub.NextMsg(time.Second)
	return err
}

func natsQueueSubscribeSyncGood(nc *nats.Conn) error {
	sub, err := nc.QueueSubscribeSync("s", "q")
	if err != nil {
		return err
	}
	_, err = sub.NextMsg(time.Second)
	if uerr := sub.Drain(); err == nil {
		err = uerr
	}
	return err
}

// Closing the connection ends its subscriptions.
func natsSubscribeWithConnGood(url string) error {
	nc, err := nats.Connect(url)
	if err != nil {
		return err
	}
	defer nc.Close()
	sub, err := nc.SubscribeSync("s")
	if err != nil {
		return err
	}
	_, err = sub.NextMsg(time.Second)
	return err
}

// An asynchronous subscription keeps delivering to its handler.
func natsSubscribeHandlerGood(nc *nats.Conn, h nats.MsgHandler) error {
	_, err := nc.Subscribe("s", h)
	return err
}

// JetStream is an interface: a synchronous or pull subscription from it is
// an acquisition by the interface rule; an asynchronous one is not.
func natsJetStreamPullBad(js nats.JetStream) error {
	sub, err := js.PullSubscribe("s", "d") // want `\*nats\.Subscription acquired here is not released on the path returning at line 129`
	if err != nil {
		return err
	}
	_, err = sub.NextMsg(time.Second)
	return err
}

func natsJetStreamPullGood(js nats.JetStream) error {
	sub, err := js.PullSubscribe("s", "d")
	if err != nil {
		return err
	}
	defer sub.Drain()
	_, err = sub.NextMsg(time.Second)
	return err
}

func natsJetStreamSubscribeGood(js nats.JetStream, h nats.MsgHandler, ch chan *nats.Msg) error {
	if _, err := js.Subscribe("s", h); err != nil {
		return err
	}
	if _, err := js.QueueSubscribe("s", "q", h); err != nil {
		return err
	}
	if _, err := js.ChanSubscribe("s", ch); err != nil {
		return err
	}
	_, err := js.ChanQueueSubscribe("s", "q", ch)
	return err
}

// A drained pull subscription is emptied by fetching after Drain.
func natsFetchAfterDrainGood(js nats.JetStream) ([]*nats.Msg, error) {
	sub, err := js.PullSubscribe("s", "d")
	if err != nil {
		return nil, err
	}
	sub.Drain()
	return sub.Fetch(100)
}
