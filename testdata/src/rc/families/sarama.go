package families

import (
	"context"

	"github.com/IBM/sarama"
)

// sarama: every handle is an interface -> Close (AsyncClose for the async
// producer and partition consumers). A handle made FromClient does not
// close its client.

func saramaClientBad(addrs []string) ([]string, error) {
	c, err := sarama.NewClient(addrs, sarama.NewConfig()) // want `sarama\.Client acquired here is not released on the path returning at line 18 \(call Close, or defer c\.Close\(\) after the error check\)`
	if err != nil {
		return nil, err
	}
	return c.Topics()
}

func saramaClientGood(addrs []string) ([]string, error) {
	c, err := sarama.NewClient(addrs, sarama.NewConfig())
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Topics()
}

func saramaConsumerBad(addrs []string) ([]string, error) {
	c, err := sarama.NewConsumer(addrs, nil) // want `sarama\.Consumer acquired here is not released on the path returning at line 35`
	if err != nil {
		return nil, err
	}
	return c.Topics()
}

func saramaConsumerGood(addrs []string) ([]string, error) {
	c, err := sarama.NewConsumer(addrs, nil)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Topics()
}

// The client stays the caller's: NewConsumerFromClient does not close it.
func saramaConsumerFromClientBad(client sarama.Client) ([]string, error) {
	c, err := sarama.NewConsumerFromClient(client) // want `sarama\.Consumer acquired here is not released on the path returning at line 53`
	if err != nil {
		return nil, err
	}
	return c.Topics()
}

func saramaConsumerFromClientGood(client sarama.Client) ([]string, error) {
	c, err := sarama.NewConsumerFromClient(client)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Topics()
}

func saramaConsumePartitionBad(c sarama.Consumer) (*sarama.ConsumerMessage, error) {
	pc, err := c.ConsumePartition("t", 0, -1) // want `sarama\.PartitionConsumer acquired here is not released on the path returning at line 70 \(call Close or AsyncClose, or defer pc\.Close\(\) after the error check\)`
	if err != nil {
		return nil, err
	}
	return <-pc.Messages(), nil
}

func saramaConsumePartitionGood(c sarama.Consumer) (*sarama.ConsumerMessage, error) {
	pc, err := c.ConsumePartition("t", 0, -1)
	if err != nil {
		return nil, err
	}
	m := <-pc.Messages()
	pc.AsyncClose()
	return m, nil
}

func saramaConsumerGroupBad(ctx context.Context, addrs []string, h sarama.ConsumerGroupHandler) error {
	g, err := sarama.NewConsumerGroup(addrs, "g", nil) // want `sarama\.ConsumerGroup acquired here is not released on the path returning at line 88`
	if err != nil {
		return err
	}
	return g.Consume(ctx, []string{"t"}, h)
}

func saramaConsumerGroupGood(ctx context.Context, addrs []string, h sarama.ConsumerGroupHandler) error {
	g, err := sarama.NewConsumerGroup(addrs, "g", nil)
	if err != nil {
		return err
	}
	defer g.Close()
	return g.Consume(ctx, []string{"t"}, h)
}

func saramaConsumerGroupFromClientBad(ctx context.Context, client sarama.Client, h sarama.ConsumerGroupHandler) error {
	g, err := sarama.NewConsumerGroupFromClient("g", client) // want `sarama\.ConsumerGroup acquired here is not released on the path returning at line 105`
	if err != nil {
		return err
	}
	return g.Consume(ctx, []string{"t"}, h)
}

func saramaConsumerGroupFromClientGood(ctx context.Context, client sarama.Client, h sarama.ConsumerGroupHandler) error {
	g, err := sarama.NewConsumerGroupFromClient("g", client)
	if err != nil {
		return err
	}
	defer g.Close()
	return g.Consume(ctx, []string{"t"}, h)
}

func saramaSyncProducerBad(addrs []string, m *sarama.ProducerMessage) error {
	p, err := sarama.NewSyncProducer(addrs, nil) // want `sarama\.SyncProducer acquired here is not released on the path returning at line 123`
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(m)
	return err
}

func saramaSyncProducerGood(addrs []string, m *sarama.ProducerMessage) error {
	p, err := sarama.NewSyncProducer(addrs, nil)
	if err != nil {
		return err
	}
	defer p.Close()
	_, _, err = p.SendMessage(m)
	return err
}

func saramaSyncProducerFromClientBad(client sarama.Client, m *sarama.ProducerMessage) error {
	p, err := sarama.NewSyncProducerFromClient(client) // want `sarama\.SyncProducer acquired here is not released on the path returning at line 142`
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(m)
	return err
}

func saramaSyncProducerFromClientGood(client sarama.Client, m *sarama.ProducerMessage) error {
	p, err := sarama.NewSyncProducerFromClient(client)
	if err != nil {
		return err
	}
	defer p.Close()
	_, _, err = p.SendMessage(m)
	return err
}

func saramaAsyncProducerBad(addrs []string, m *sarama.ProducerMessage) {
	p, err := sarama.NewAsyncProducer(addrs, nil) // want `sarama\.AsyncProducer acquired here is not released on the path returning at line 161`
	if err != nil {
		return
	}
	p.Input() <- m
}

func saramaAsyncProducerGood(addrs []string, m *sarama.ProducerMessage) {
	p, err := sarama.NewAsyncProducer(addrs, nil)
	if err != nil {
		return
	}
	p.Input() <- m
	p.AsyncClose()
	for range p.Errors() {
	}
}

func saramaAsyncProducerFromClientBad(client sarama.Client, m *sarama.ProducerMessage) {
	p, err := sarama.NewAsyncProducerFromClient(client) // want `sarama\.AsyncProducer acquired here is not released on the path returning at line 180`
	if err != nil {
		return
	}
	p.Input() <- m
}

func saramaAsyncProducerFromClientGood(client sarama.Client, m *sarama.ProducerMessage) {
	p, err := sarama.NewAsyncProducerFromClient(client)
	if err != nil {
		return
	}
	defer p.Close()
	p.Input() <- m
}

func saramaClusterAdminBad(addrs []string) (int, error) {
	a, err := sarama.NewClusterAdmin(addrs, nil) // want `sarama\.ClusterAdmin acquired here is not released on the path returning at line 197`
	if err != nil {
		return 0, err
	}
	ts, err := a.ListTopics()
	return len(ts), err
}

func saramaClusterAdminGood(addrs []string) (int, error) {
	a, err := sarama.NewClusterAdmin(addrs, nil)
	if err != nil {
		return 0, err
	}
	defer a.Close()
	ts, err := a.ListTopics()
	return len(ts), err
}

// The admin closes the client it was made from: handing the client to it
// hands it on.
func saramaClusterAdminFromClientBad(addrs []string) (int, error) {
	client, err := sarama.NewClient(addrs, nil)
	if err != nil {
		return 0, err
	}
	a, err := sarama.NewClusterAdminFromClient(client) // want `sarama\.ClusterAdmin acquired here is not released on the path returning at line 223`
	if err != nil {
		client.Close()
		return 0, err
	}
	ts, err := a.ListTopics()
	return len(ts), err
}

func saramaClusterAdminFromClientGood(addrs []string) (int, error) {
	client, err := sarama.NewClient(addrs, nil)
	if err != nil {
		return 0, err
	}
	a, err := sarama.NewClusterAdminFromClient(client)
	if err != nil {
		client.Close()
		return 0, err
	}
	defer a.Close()
	ts, err := a.ListTopics()
	return len(ts), err
}
