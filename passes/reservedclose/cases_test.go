package reservedclose_test

import "testing"

// The rc/... packages pin down the behaviour of reservedclose case by case:
// every buggy case (with a want) has a correct twin next to it that differs
// in one line and must stay silent.

func TestRCFamilies(t *testing.T) { run(t, "rc/families") }

func TestRCTransfer(t *testing.T) { run(t, "rc/transfer") }

func TestRCDefers(t *testing.T) { run(t, "rc/defers") }

func TestRCControl(t *testing.T) { run(t, "rc/control") }

func TestRCGenerics(t *testing.T) { run(t, "rc/generics") }

func TestRCClosures(t *testing.T) { run(t, "rc/closures") }

func TestRCCrossPkg(t *testing.T) { run(t, "rc/crosspkg/lib", "rc/crosspkg/use") }

func TestRCPeers(t *testing.T) { run(t, "rc/peers/helper", "rc/peers") }

func TestRCVitess(t *testing.T) { run(t, "rc/vitess") }
