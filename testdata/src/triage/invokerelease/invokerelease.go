// Package invokerelease: a helper, closure or goroutine that releases an
// interface-typed resource through one of its release methods is not seen
// to release it when the method's name is not Close-like (sarama's
// PartitionConsumer.AsyncClose, a //connlint:release Stop on an interface).
// The same call made directly in the acquiring function is a release, and
// so is Close in the helper.
//
// Found in github.com/IBM/sarama v1.61.1,
// tools/kafka-console-consumer/kafka-console-consumer.go:96 (`go func(pc
// sarama.PartitionConsumer) { <-closing; pc.AsyncClose() }(pc)` in a loop)
// and tools/kafka-console-partitionconsumer/kafka-console-partitionconsumer.go:67
// (`go func() { <-signals; pc.AsyncClose() }()`), docs/triage.md.
//
// Diagnosis: the summary's prescreen (ownership.Env.callMayDischarge) treats
// an interface method call (invoke mode) on the parameter as a possible
// release only when resource.IsReleaseName(method) holds; it does not ask
// env.isReleaseMethod (the family's release methods, //connlint:release
// facts) as it does for a static call just below. The parameter is then
// summarised as borrowed without the search that would find the release.
//
// Expected: silent on the helpers below, as on a direct call.
package invokerelease

import "github.com/IBM/sarama"

func stop(pc sarama.PartitionConsumer) { pc.AsyncClose() }

func viaHelper(c sarama.Consumer) {
	pc, err := c.ConsumePartition("t", 0, 0)
	if err != nil {
		return
	}
	stop(pc)
}

func viaGoroutineArg(c sarama.Consumer, closing chan struct{}) {
	pc, err := c.ConsumePartition("t", 0, 0)
	if err != nil {
		return
	}
	go func(pc sarama.PartitionConsumer) {
		<-closing
		pc.AsyncClose()
	}(pc)
}

func viaGoroutineCapture(c sarama.Consumer, closing chan struct{}) {
	pc, err := c.ConsumePartition("t", 0, 0)
	if err != nil {
		return
	}
	go func() {
		<-closing
		pc.AsyncClose()
	}()
}

// Stopper's release method has a name of its own, declared by directive.
type Stopper interface {
	//connlint:release
	Stop()
}

type lease struct{}

func (*lease) Stop() {}

//connlint:acquire
func Get() (Stopper, error) { return &lease{}, nil }

func viaDeferredClosure() {
	s, err := Get()
	if err != nil {
		return
	}
	defer func() { s.Stop() }()
}

// The twins the engine gets right today: a direct call, and Close in a
// helper.
func direct(c sarama.Consumer) {
	pc, err := c.ConsumePartition("t", 0, 0)
	if err != nil {
		return
	}
	pc.AsyncClose()
}

func closeIt(pc sarama.PartitionConsumer) { pc.Close() }

func viaCloseHelper(c sarama.Consumer) {
	pc, err := c.ConsumePartition("t", 0, 0)
	if err != nil {
		return
	}
	closeIt(pc)
}

// A helper that does not release is still a leak.
func peek(pc sarama.PartitionConsumer) { _ = pc.HighWaterMarkOffset() }

func viaBorrowingHelper(c sarama.Consumer) {
	pc, err := c.ConsumePartition("t", 0, 0) // want `sarama\.PartitionConsumer acquired here is not released on the path returning at line 108`
	if err != nil {
		return
	}
	peek(pc)
}
