package r1

// The R1 cases where a cycle exists on some instance of the type: it only
// counts if it can be the instance that is finalized, and if it goes
// through another object (the collector ignores pointers from an object
// into itself).

import (
	"runtime"
	"weak"
)

// --- the shape of the standard library's weak/pointer_test.go: one test
// finalizes a new object and waits for the finalizer, others link a
// different new object to itself, directly (as that file does) or through
// a second object. Different allocations: not reported.

type WT struct {
	t *WT
	a int
}

func PointerFinalizer() {
	bt := new(WT)
	wt := weak.Make(bt)
	done := make(chan struct{}, 1)
	runtime.SetFinalizer(bt, func(bt *WT) {
		if wt.Value() == nil {
			done <- struct{}{}
		}
	})
	bt = nil
	runtime.GC()
	<-done
}

func Churn() {
	for range 5 {
		bt := new(WT)
		wt := weak.Make(bt)
		bt = nil
		bt = wt.Value()
		if bt != nil {
			bt.t = bt
			bt.a = 12
		}
		runtime.KeepAlive(bt)
	}
}

func ChurnPair() *WT {
	bt := new(WT)
	bt.t = &WT{t: bt}
	return bt
}

// Its twin: the same allocation is linked back to itself through a second
// object, then finalized. Reported.

type ST struct {
	t *ST
	a int
}

func SelfLinked() {
	bt := new(ST)
	bt.t = &ST{t: bt}
	runtime.SetFinalizer(bt, func(*ST) {}) // want `runtime.SetFinalizer on \*ST, which is on a reference cycle \(ST.t → ST\)`
}

// The same allocation pointing directly at itself: the collector skips
// pointers from an object into itself when it marks what a finalizable
// object reaches, so the finalizer runs. Not reported.

type DT struct {
	t   *DT
	arr [2]*DT
	h   any
}

func SelfPointer() {
	bt := new(DT)
	bt.t = bt
	bt.arr[1] = bt
	bt.h = bt
	runtime.SetFinalizer(bt, func(*DT) {})
}

// --- the object is linked to itself by a method it is passed to.

type LT struct{ t *LT }

func (t *LT) link() { t.t = &LT{t: t} }

func NewLinked() *LT {
	t := new(LT)
	t.link()
	runtime.SetFinalizer(t, func(*LT) {}) // want `runtime.SetFinalizer on \*LT, which is on a reference cycle \(LT.t → LT\)`
	return t
}

// --- a helper sets the finalizer on its parameter; one of its callers
// passes an object it linked to itself.

type HT struct{ t *HT }

func finalizeHT(t *HT) {
	runtime.SetFinalizer(t, func(*HT) {}) // want `runtime.SetFinalizer on \*HT, which is on a reference cycle \(HT.t → HT\)`
}

func UseLinkedHT() {
	t := new(HT)
	t.t = &HT{t: t}
	finalizeHT(t)
}

func UsePlainHT() { finalizeHT(new(HT)) }

// The same helper whose callers pass only objects that are not linked;
// another object is: not reported.

type PT struct{ t *PT }

func finalizePT(t *PT) { runtime.SetFinalizer(t, func(*PT) {}) }

func UsePT() { finalizePT(new(PT)) }

func LinkOtherPT() {
	u := new(PT)
	u.t = &PT{t: u}
	runtime.KeepAlive(u)
}

// --- two calls of the same constructor, or through the same helper,
// make two objects: linking one says nothing about the other. Not
// reported.

type KT struct{ t *KT }

func newKT() *KT { return &KT{} }

func keepKT(k *KT) *KT { return k }

func FinalizedKT() *KT {
	k := newKT()
	runtime.SetFinalizer(k, func(*KT) {})
	return k
}

func LinkedKT() *KT {
	k := newKT()
	k.t = &KT{t: k}
	return k
}

func FinalizedKeptKT() *KT {
	k := keepKT(new(KT))
	runtime.SetFinalizer(k, func(*KT) {})
	return k
}

func LinkedKeptKT() *KT {
	k := keepKT(new(KT))
	k.t = &KT{t: k}
	return k
}

// But what comes back from the helper is the object passed to it.

type IT struct{ t *IT }

func keepIT(k *IT) *IT { return k }

func LinkedKeptIT() *IT {
	k := new(IT)
	k.t = &IT{t: k}
	runtime.SetFinalizer(keepIT(k), func(*IT) {}) // want `runtime.SetFinalizer on \*IT, which is on a reference cycle \(IT.t → IT\)`
	return k
}

// --- the os/exec shape: the constructor sets the finalizer and returns
// the object; another constructor takes that very object and stores a
// closure capturing it in one of its fields. Reported.

type Cmd struct {
	Cancel func() error
	pid    int
}

func kill(int) error { return nil }

func Command() *Cmd {
	cmd := &Cmd{}
	runtime.SetFinalizer(cmd, func(c *Cmd) { _ = kill(c.pid) }) // want `runtime.SetFinalizer on \*Cmd, which is on a reference cycle \(Cmd.Cancel → Cmd\)`
	return cmd
}

func CommandContext() *Cmd {
	cmd := Command()
	cmd.Cancel = func() error { return kill(cmd.pid) }
	return cmd
}

// The same, but the closure goes on a Cmd the finalizing constructor
// never made: not reported.

type OCmd struct {
	Cancel func() error
	pid    int
}

func OCommand() *OCmd {
	cmd := &OCmd{}
	runtime.SetFinalizer(cmd, func(c *OCmd) { _ = kill(c.pid) })
	return cmd
}

func OCommandContext() *OCmd {
	cmd := &OCmd{}
	cmd.Cancel = func() error { return kill(cmd.pid) }
	return cmd
}

// --- the finalized conn is stored in the pool's slice; another method
// sets the back-reference of every conn in that slice. Reported: the
// identity flows through the field.

type AConn struct{ pool *APool }

type APool struct{ conns []*AConn }

func (p *APool) Open() *AConn {
	c := &AConn{}
	runtime.SetFinalizer(c, func(*AConn) {}) // want `runtime.SetFinalizer on \*AConn, which is on a reference cycle \(AConn.pool → APool.conns\[\] → AConn\)`
	p.conns = append(p.conns, c)
	return c
}

func (p *APool) Attach() {
	for _, c := range p.conns {
		c.pool = p
	}
}

// The same, but the finalized conn goes into a slice whose conns are never
// given a back-reference: not reported.

type BConn struct{ pool *BPool }

type BPool struct{ conns, idle []*BConn }

func (p *BPool) Open() *BConn {
	c := &BConn{}
	runtime.SetFinalizer(c, func(*BConn) {})
	p.idle = append(p.idle, c)
	return c
}

func (p *BPool) Attach() {
	for _, c := range p.conns {
		c.pool = p
	}
}

// --- the constructor sets the finalizer and the back-reference; its
// caller registers the conn with the pool. Reported: the constructor's
// result is the finalized conn.

type TConn struct{ pool *TPool }

type TPool struct{ conns []*TConn }

func newTConn(p *TPool) *TConn {
	c := &TConn{pool: p}
	runtime.SetFinalizer(c, func(*TConn) {}) // want `runtime.SetFinalizer on \*TConn, which is on a reference cycle \(TConn.pool → TPool.conns\[\] → TConn\)`
	return c
}

func (p *TPool) register(c *TConn) { p.conns = append(p.conns, c) }

func (p *TPool) Get() *TConn {
	c := newTConn(p)
	p.register(c)
	return c
}

// --- a helper that returns its argument, run by go and defer: they have
// no result to carry the object on. Not reported (and no crash: the alias
// search once wrapped their missing result in a non-nil interface).

type GT struct{ t *GT }

func keepGT(g *GT) *GT { return g }

func GoKept() {
	g := new(GT)
	go keepGT(g)
	defer keepGT(g)
	runtime.SetFinalizer(g, func(*GT) {})
}

// --- the back-reference is set five calls down. The callers come first in
// the file, so only summaries computed callees first carry the store up to
// Open (a fixed number of rounds over the functions in source order lost
// it). Reported; the twin, whose chain stores only a count, is not.

type DeepConn struct {
	pool *DeepPool
	id   int
}

type DeepPool struct{ conns []*DeepConn }

func (p *DeepPool) Open() *DeepConn {
	c := &DeepConn{}
	setPool1(c, p)
	p.conns = append(p.conns, c)
	runtime.SetFinalizer(c, func(*DeepConn) {}) // want `runtime.SetFinalizer on \*DeepConn, which is on a reference cycle \(DeepConn.pool → DeepPool.conns\[\] → DeepConn\)`
	return c
}

func setPool1(c *DeepConn, p *DeepPool) { setPool2(c, p) }
func setPool2(c *DeepConn, p *DeepPool) { setPool3(c, p) }
func setPool3(c *DeepConn, p *DeepPool) { setPool4(c, p) }
func setPool4(c *DeepConn, p *DeepPool) { setPool5(c, p) }
func setPool5(c *DeepConn, p *DeepPool) { c.pool = p }

func (p *DeepPool) OpenCounted() *DeepConn {
	c := &DeepConn{}
	setID1(c, p)
	p.conns = append(p.conns, c)
	runtime.SetFinalizer(c, func(*DeepConn) {})
	return c
}

func setID1(c *DeepConn, p *DeepPool) { setID2(c, p) }
func setID2(c *DeepConn, p *DeepPool) { setID3(c, p) }
func setID3(c *DeepConn, p *DeepPool) { setID4(c, p) }
func setID4(c *DeepConn, p *DeepPool) { setID5(c, p) }
func setID5(c *DeepConn, p *DeepPool) { c.id = len(p.conns) }
