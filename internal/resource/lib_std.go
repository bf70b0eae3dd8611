package resource

// The standard library's families.

const (
	databaseSQL = "database/sql"
	nethttp     = "net/http"
)

var databaseSQLCatalog = Catalog{
	Library: databaseSQL,
	Tests:   "testdata/src/rc/families/sql.go",
	Families: []Family{
		{Key: databaseSQL + ".Conn", Display: "*sql.Conn", Release: []string{"Close"}, ReleaseTwiceSafe: true},
		{Key: databaseSQL + ".Tx", Display: "*sql.Tx", Release: []string{"Commit", "Rollback"}, ReleaseTwiceSafe: true, DeferFix: "Rollback()"},
		// Next and NextResultSet close the rows when they report the end
		// of the last result set (Rows.nextLocked, Rows.NextResultSet).
		{Key: databaseSQL + ".Rows", Display: "*sql.Rows", Release: []string{"Close"}, ReleasedWhenFalse: []string{"Next", "NextResultSet"}, AfterRelease: []string{"Err", "Next", "NextResultSet"}, ReleaseTwiceSafe: true},
		{Key: databaseSQL + ".Stmt", Display: "*sql.Stmt", Release: []string{"Close"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		databaseSQL + ".DB.Conn":             databaseSQL + ".Conn",
		databaseSQL + ".DB.Begin":            databaseSQL + ".Tx",
		databaseSQL + ".DB.BeginTx":          databaseSQL + ".Tx",
		databaseSQL + ".Conn.BeginTx":        databaseSQL + ".Tx",
		databaseSQL + ".DB.Query":            databaseSQL + ".Rows",
		databaseSQL + ".DB.QueryContext":     databaseSQL + ".Rows",
		databaseSQL + ".Conn.QueryContext":   databaseSQL + ".Rows",
		databaseSQL + ".Tx.Query":            databaseSQL + ".Rows",
		databaseSQL + ".Tx.QueryContext":     databaseSQL + ".Rows",
		databaseSQL + ".Stmt.Query":          databaseSQL + ".Rows",
		databaseSQL + ".Stmt.QueryContext":   databaseSQL + ".Rows",
		databaseSQL + ".DB.Prepare":          databaseSQL + ".Stmt",
		databaseSQL + ".DB.PrepareContext":   databaseSQL + ".Stmt",
		databaseSQL + ".Conn.PrepareContext": databaseSQL + ".Stmt",
		databaseSQL + ".Tx.Prepare":          databaseSQL + ".Stmt",
		databaseSQL + ".Tx.PrepareContext":   databaseSQL + ".Stmt",
		databaseSQL + ".Tx.Stmt":             databaseSQL + ".Stmt",
		databaseSQL + ".Tx.StmtContext":      databaseSQL + ".Stmt",
	},
	// database/sql documents these. BeginTx "will roll back the
	// transaction" if its context is canceled; Rows watch the query's
	// context and, in a transaction, the Tx's, which Commit and Rollback
	// cancel (Rows.initContextClose / awaitDone); a transaction's
	// statements "will be closed when the transaction has been committed or
	// rolled back" (Tx.Prepare, Tx.Stmt). Query without a context uses
	// context.Background, which is never canceled. A Stmt's Rows watch the
	// context of the Stmt's Tx as well (Stmt.QueryContext passes tx.ctx to
	// Rows.initContextClose): they close when that Tx ends, though closing
	// the Stmt leaves them open.
	Ties: map[string]Tie{
		databaseSQL + ".DB.BeginTx":        {Context: true},
		databaseSQL + ".Conn.BeginTx":      {Context: true},
		databaseSQL + ".DB.QueryContext":   {Context: true},
		databaseSQL + ".Conn.QueryContext": {Context: true},
		databaseSQL + ".Stmt.Query":        {ReceiverTies: true},
		databaseSQL + ".Stmt.QueryContext": {Context: true, ReceiverTies: true},
		databaseSQL + ".Tx.Query":          {Receiver: true},
		databaseSQL + ".Tx.QueryContext":   {Context: true, Receiver: true},
		databaseSQL + ".Tx.Prepare":        {Receiver: true},
		databaseSQL + ".Tx.PrepareContext": {Receiver: true},
		databaseSQL + ".Tx.Stmt":           {Receiver: true},
		databaseSQL + ".Tx.StmtContext":    {Receiver: true},
	},
	// Raw: "driverConn must not be used outside of f".
	Lenders: map[string]int{
		databaseSQL + ".Conn.Raw": 1,
	},
	Notes: map[string]string{
		databaseSQL + ".Conn": "`Raw` lends its callback the driver connection, which must not escape it",
	},
}

var netHTTPCatalog = Catalog{
	Library: nethttp,
	Tests:   "testdata/src/rc/families/http.go",
	Families: []Family{
		// HEAD responses have no body (http.NoBody): Head is not an
		// acquisition (NotAcquirers, requestSenders). The transport has
		// already given the connection back.
		{Key: nethttp + ".Response", Display: "*http.Response", Release: []string{"Close"}, ReleaseField: "Body", ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		nethttp + ".Client.Do":       nethttp + ".Response",
		nethttp + ".Client.Get":      nethttp + ".Response",
		nethttp + ".Client.Post":     nethttp + ".Response",
		nethttp + ".Client.PostForm": nethttp + ".Response",
		nethttp + ".Get":             nethttp + ".Response",
		nethttp + ".Post":            nethttp + ".Response",
		nethttp + ".PostForm":        nethttp + ".Response",
	},
	NotAcquirers: []string{nethttp + ".Head", nethttp + ".Client.Head"},
	Notes: map[string]string{
		nethttp + ".Response": "a HEAD response has no body (`http.NoBody`): `Head`, and `Do` with a request built with the constant method `\"HEAD\"` (or a copy of a variable whose `Method` was last set to it on every path), sent directly or by a helper that sends the request it is given unchanged, and handed to nothing that could change it, are not acquisitions",
	},
}

var netCatalog = Catalog{
	Library: "net",
	Tests:   "testdata/src/rc/families/net.go",
	Families: []Family{
		{Key: "net.Conn", Display: "net.Conn", Release: []string{"Close"}, ReleaseTwiceSafe: true},
		{Key: "net.Listener", Display: "net.Listener", Release: []string{"Close"}, AfterRelease: []string{"Addr"}, ReleaseTwiceSafe: true},
		{Key: "net.TCPListener", Display: "*net.TCPListener", Release: []string{"Close"}, AfterRelease: []string{"Addr"}, ReleaseTwiceSafe: true},
		{Key: "net.UnixListener", Display: "*net.UnixListener", Release: []string{"Close"}, AfterRelease: []string{"Addr"}, ReleaseTwiceSafe: true},
		{Key: "net.PacketConn", Display: "net.PacketConn", Release: []string{"Close"}, AfterRelease: []string{"LocalAddr"}, ReleaseTwiceSafe: true},
		{Key: "net.UDPConn", Display: "*net.UDPConn", Release: []string{"Close"}, AfterRelease: []string{"LocalAddr", "RemoteAddr"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		"net.Dial":                      "net.Conn",
		"net.DialTimeout":               "net.Conn",
		"net.Dialer.Dial":               "net.Conn",
		"net.Dialer.DialContext":        "net.Conn",
		"net.Listener.Accept":           "net.Conn",
		"net.Listen":                    "net.Listener",
		"net.ListenConfig.Listen":       "net.Listener",
		"net.ListenTCP":                 "net.TCPListener",
		"net.ListenUnix":                "net.UnixListener",
		"net.ListenPacket":              "net.PacketConn",
		"net.ListenConfig.ListenPacket": "net.PacketConn",
		"net.ListenUDP":                 "net.UDPConn",
		"net.DialUDP":                   "net.UDPConn",
	},
}

const httptest = "net/http/httptest"

var httptestCatalog = Catalog{
	Library: httptest,
	Tests:   "testdata/src/rc/families/net.go",
	Families: []Family{
		{Key: httptest + ".Server", Display: "*httptest.Server", Release: []string{"Close"}, AfterRelease: []string{"Client", "Certificate"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		httptest + ".NewServer":          httptest + ".Server",
		httptest + ".NewTLSServer":       httptest + ".Server",
		httptest + ".NewUnstartedServer": httptest + ".Server",
	},
}
