package families

import (
	"context"
	"net/http"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"
)

// gorilla/websocket: *websocket.Conn from Dialer.Dial, DialContext,
// Upgrader.Upgrade -> Close. The handshake *http.Response needs no Close
// (the library has drained and replaced its body).

func gorillaDialBad(d *websocket.Dialer, u string) error {
	c, resp, err := d.Dial(u, nil) // want `\*websocket\.Conn acquired here is not released on the path returning at line 21 \(call Close, or defer c\.Close\(\) after the error check\)`
	if err != nil {
		return err
	}
	_ = resp.StatusCode
	return c.WriteMessage(websocket.TextMessage, []byte("hi"))
}

func gorillaDialGood(d *websocket.Dialer, u string) error {
	c, resp, err := d.Dial(u, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = resp.StatusCode
	return c.WriteMessage(websocket.TextMessage, []byte("hi"))
}

func gorillaDialContextBad(ctx context.Context, u string) ([]byte, error) {
	c, _, err := websocket.DefaultDialer.DialContext(ctx, u, nil) // want `\*websocket\.Conn acquired here is not released on the path returning at line 40`
	if err != nil {
		return nil, err
	}
	_, p, err := c.ReadMessage()
	return p, err
}

func gorillaDialContextGood(ctx context.Context, u string) ([]byte, error) {
	c, _, err := websocket.DefaultDialer.DialContext(ctx, u, nil)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	_, p, err := c.ReadMessage()
	return p, err
}

func gorillaUpgradeBad(up *websocket.Upgrader, w http.ResponseWriter, r *http.Request) {
	c, err := up.Upgrade(w, r, nil) // want `\*websocket\.Conn acquired here is not released on the path returning at line 60`
	if err != nil {
		return
	}
	for {
		if _, _, err := c.ReadMessage(); err != nil {
			return
		}
	}
}

func gorillaUpgradeGood(up *websocket.Upgrader, w http.ResponseWriter, r *http.Request) {
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	for {
		if _, _, err := c.ReadMessage(); err != nil {
			return
		}
	}
}

// Handing the conn to a goroutine hands it on.
func gorillaUpgradeGoGood(up *websocket.Upgrader, w http.ResponseWriter, r *http.Request, serve func(*websocket.Conn)) {
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	go serve(c)
}

// coder/websocket: *websocket.Conn from Dial and Accept -> Close(code,
// reason) or CloseNow; the fix defers CloseNow.

func coderDialBad(ctx context.Context, u string) error {
	c, _, err := coder.Dial(ctx, u, nil) // want `\*websocket\.Conn acquired here is not released on the path returning at line 95 \(call Close or CloseNow, or defer c\.CloseNow\(\) after the error check\)`
	if err != nil {
		return err
	}
	return c.Write(ctx, coder.MessageText, []byte("hi"))
}

func coderDialGood(ctx context.Context, u string) error {
	c, _, err := coder.Dial(ctx, u, nil)
	if err != nil {
		return err
	}
	defer c.CloseNow()
	if err := c.Write(ctx, coder.MessageText, []byte("hi")); err != nil {
		return err
	}
	return c.Close(coder.StatusNormalClosure, "")
}

func coderAcceptBad(w http.ResponseWriter, r *http.Request) {
	c, err := coder.Accept(w, r, nil) // want `\*websocket\.Conn acquired here is not released on the path returning at line 116`
	if err != nil {
		return
	}
	if _, _, err := c.Read(r.Context()); err != nil {
		return
	}
	c.Close(coder.StatusNormalClosure, "bye")
}

func coderAcceptGood(w http.ResponseWriter, r *http.Request) {
	c, err := coder.Accept(w, r, nil)
	if err != nil {
		return
	}
	if _, _, err := c.Read(r.Context()); err != nil {
		c.Close(coder.StatusInternalError, err.Error())
		return
	}
	c.Close(coder.StatusNormalClosure, "bye")
}
