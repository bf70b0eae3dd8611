package resource

// Key-value and document stores, pools, object stores.

const (
	goredis   = "github.com/redis/go-redis/v9"
	goredis8  = "github.com/go-redis/redis/v8"
	smartpool = "vitess.io/vitess/go/pools/smartconnpool"
	mongo2    = "go.mongodb.org/mongo-driver/v2/mongo"
	mongo1    = "go.mongodb.org/mongo-driver/mongo"
	minio     = "github.com/minio/minio-go/v7"
	awss3     = "github.com/aws/aws-sdk-go-v2/service/s3"
)

var goredisCatalog = Catalog{
	Library: "github.com/redis/go-redis/v9",
	Tests:   "testdata/src/rc/families/redis.go",
	Families: []Family{
		{Key: goredis + ".Conn", Display: "*redis.Conn", Release: []string{"Close"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		goredis + ".Client.EphemeralConn": goredis + ".Conn",
		goredis + ".Client.Conn":          goredis + ".Conn",
	},
}

var goredis8Catalog = Catalog{
	Library: "github.com/go-redis/redis/v8",
	Tests:   "testdata/src/rc/families/redis.go",
	Families: []Family{
		{Key: goredis8 + ".Conn", Display: "*redis.Conn", Release: []string{"Close"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		goredis8 + ".Client.Conn": goredis8 + ".Conn",
	},
}

var vitessCatalog = Catalog{
	Library: "vitess.io/vitess/go/pools/smartconnpool",
	Tests:   "testdata/src/rc/vitess/vitess.go",
	Families: []Family{
		{Key: smartpool + ".Pooled", Display: "*smartconnpool.Pooled", Release: []string{"Recycle"}},
	},
	Acquirers: map[string]string{
		smartpool + ".ConnPool.Get": smartpool + ".Pooled",
	},
	Notes: map[string]string{
		smartpool + ".Pooled": "`Taint` is not a release",
	},
}

// mongoFamilies are the families of the MongoDB driver's package mongo at
// path: a v1 Session is an interface, a v2 Session a struct; the rest is
// the same. A cursor is not released by Next returning false: Next also
// returns false when getMore fails or its context expires, leaving the
// server-side cursor open, so the driver's docs ask for Close. All reads
// the cursor to its end and closes it: it is a release.
func mongoCatalog(library, path, tests string) Catalog {
	session := "*mongo.Session"
	if path == mongo1 {
		session = "mongo.Session"
	}
	return Catalog{
		Library: library,
		Tests:   tests,
		Families: []Family{
			// v2's Connect and StartSession take no context: no fix is
			// offered there, rather than one that invents a context.
			{Key: path + ".Client", Display: "*mongo.Client", Release: []string{"Disconnect"}, ReleaseTwiceSafe: true, DeferFix: "Disconnect($ctx)"},
			{Key: path + ".Cursor", Display: "*mongo.Cursor", Release: []string{"Close", "All"}, AfterRelease: []string{"Err", "ID"}, ReleaseTwiceSafe: true, DeferFix: "Close($ctx)"},
			{Key: path + ".ChangeStream", Display: "*mongo.ChangeStream", Release: []string{"Close"}, AfterRelease: []string{"Err", "ID"}, ReleaseTwiceSafe: true, DeferFix: "Close($ctx)"},
			{Key: path + ".Session", Display: session, Release: []string{"EndSession"}, AfterRelease: []string{"ID"}, ReleaseTwiceSafe: true, DeferFix: "EndSession($ctx)"},
		},
		Acquirers: map[string]string{
			path + ".Connect":                   path + ".Client",
			path + ".Client.StartSession":       path + ".Session",
			path + ".Client.Watch":              path + ".ChangeStream",
			path + ".Database.Watch":            path + ".ChangeStream",
			path + ".Collection.Watch":          path + ".ChangeStream",
			path + ".Collection.Find":           path + ".Cursor",
			path + ".Collection.Aggregate":      path + ".Cursor",
			path + ".Database.Aggregate":        path + ".Cursor",
			path + ".Database.ListCollections":  path + ".Cursor",
			path + ".Database.RunCommandCursor": path + ".Cursor",
			path + ".IndexView.List":            path + ".Cursor",
		},
	}
}

var (
	mongo2Catalog = mongoCatalog("go.mongodb.org/mongo-driver/v2", mongo2, "testdata/src/rc/families/mongo.go")
	mongo1Catalog = mongo1WithSessions(mongoCatalog("go.mongodb.org/mongo-driver", mongo1, "testdata/src/rc/families/mongov1.go"))
)

// mongo1WithSessions adds v1's UseSession, which ends the session when fn
// returns: the SessionContext it lends fn must not outlive it. (v2's
// UseSession lends a plain context.Context.)
func mongo1WithSessions(c Catalog) Catalog {
	c.Lenders = map[string]int{
		mongo1 + ".Client.UseSession":            2,
		mongo1 + ".Client.UseSessionWithOptions": 3,
	}
	c.Notes = map[string]string{
		mongo1 + ".Session": "`(*mongo.Client).UseSession` lends a `mongo.SessionContext` to its callback, which it must not escape",
	}
	return c
}

var minioCatalog = Catalog{
	Library: minio,
	Tests:   "testdata/src/rc/families/objectstore.go",
	Families: []Family{
		{Key: minio + ".Object", Display: "*minio.Object", Release: []string{"Close"}, ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		minio + ".Client.GetObject": minio + ".Object",
	},
}

var s3Catalog = Catalog{
	Library: awss3,
	Tests:   "testdata/src/rc/families/objectstore.go",
	Families: []Family{
		{Key: awss3 + ".GetObjectOutput", Display: "*s3.GetObjectOutput", Release: []string{"Close"}, ReleaseField: "Body", ReleaseTwiceSafe: true},
	},
	Acquirers: map[string]string{
		awss3 + ".Client.GetObject": awss3 + ".GetObjectOutput",
	},
}
