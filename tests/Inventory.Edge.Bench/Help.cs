namespace Inventory.Edge.Bench;

internal static class Help
{
    public const string Text = """
        Inventory edge benchmarks (on demand; not part of the test suite).

        Usage: dotnet run -c Release --project tests/Inventory.Edge.Bench -- <command> [options]

        Commands
          movements   Durable movement throughput over HTTP. Creates one location and N products, then per
                      concurrency level runs a warm-up and a timed phase in which each client loops on
                      POST /api/inventory/receive (quantity 1, random product, a fresh client-made id). Only 201
                      counts as acknowledged. Reports acked/s, p50/p95/p99/max latency, errors and requests per
                      commit (from GET /api/ledger/stats), then runs POST /api/integrity/check.
            --clients 1,16,64   concurrency levels, run in order
            --seconds 10        timed phase per level
            --warmup 2          warm-up per level (seconds, 0 for none)
            --products 1000     products created over HTTP before the run
            --mix               alternate receive and ship (a ship takes what the same client just received)
            --lots N            the cost of first-expiry-first allocation: seeds straight into SQLite --products
                                products with 1 lot and as many with N lots (N x 200 units each way; lots with distinct
                                expiries spread over 10 bins), then per level runs ships without a lot (the writer picks
                                the lot) on the 1-lot products, then on the N-lot ones, and prints both figures and their
                                ratio (goal: N = 50 at 64 clients >= 80 %). In-process edge only; not with --mix.
            --url URL           bench a running edge instead (loopback addresses only); needs --password

          search      Catalog search latency. Seeds products (with an EAN-13 barcode each) straight into the
                      in-process edge's SQLite file, then times GET /api/products?q= one query at a time: an exact
                      SKU, a barcode, a name word, a two-letter prefix, and a name fragment with a typo.
            --products 200000   catalog size
            --queries 2000      timed queries, equal parts of each kind
            --warmup-queries 100
            --seed 42           makes the catalog and the queries repeatable
            --max-seconds 600   stop querying after this long (warm-up included)

          fanout      SignalR fan-out. Connects N WebSocket clients to /hubs/inventory, then records movements
                      one at a time and times, per client, sending the movement to receiving its levelChanged.
            --clients 1000      connected clients
            --rounds 100        movements, one level change each
            --interval 0.1      seconds between movements

          valuation   Stock valuation. Seeds products (a third with a cost price) and movements (receipts with a
                      unit cost, shipments, transfer pairs between two locations) straight into SQLite, derives
                      the levels, then times GET /api/reports/stock-valuation for fifo, lifo and wac, as of now
                      and as of the middle of the ledger's year.
            --products 200000   catalog size
            --movements 1000000 ledger lines
            --runs 3            calls per method and date
            --seed 42

          scanners    Scan -> result latency over MQTT against the embedded broker. Registers N devices and
                      connects one MQTTnet client each (MQTT 5, QoS 1); each publishes `receive` scans (a fresh
                      scan id, quantity 1, random product's EAN-13) at a fixed rate and times each result on its
                      result topic. Reports sent, answered, errors (ok=false or no answer within 10 s), sustained
                      results/s, p50/p95/p99/max and requests per commit. In-process edge only.
            --devices 200       simulated scanners
            --rate 10           scans per second per scanner
            --seconds 20        timed phase
            --warmup 3          warm-up (not measured)
            --products 200      products created over HTTP before the run

          po-receive  Receiving against purchase orders through POST /api/scan. Seeds N POs of M lines (a product
                      with an EAN-13 each, supplier tolerance 2 %) straight into SQLite, then C clients scan every line
                      once (its barcode, the PO's number, the ordered quantity 10), each receipt checked against the
                      tolerance inside the ledger writer. Reports receipts/s, p50/p95/p99/max and requests per commit,
                      then checks one receipt per line in the ledger and runs the integrity check. In-process edge only.
            --orders 1000       purchase orders
            --lines 20          lines per order
            --clients 16        concurrent clients
            --seed 42

          sync-backlog
                      Catch-up of an edge's backlog by the cloud. Starts the cloud in this process on a database of
                      its own in PostgreSQL (one started here with initdb/pg_ctl, or the server INVENTORY_TEST_POSTGRES
                      names) and creates the site; a standalone edge (no cloud settings) gets 2 locations and a seeded
                      ledger straight into SQLite (as valuation seeds it) and stops; then an edge on the same data dir
                      is started wired to the cloud and timed from its start until the cloud's movements_cursor for the
                      site reaches the edge's last seq (polled every 50 ms). Reports seconds, movements/s, the cloud's
                      time in push requests, the edge's own read+serialize+gzip time for the same batches (measured
                      after the run), and checks that the cloud holds exactly the edge's movements and that its ledger
                      and levels sum to the edge's levels per location and per product and location.
            --movements 1000000 backlog size (goal: >= 35,000/s, 1,000,000 in under 30 s)
            --products 200000   catalog size
            --batch 5000        Inventory:Cloud:PushBatchSize
            --seed 42
            --timeout 600       give up waiting for the cloud after this many seconds

          sync-lag    Replication lag under a steady load. Cloud and edge as above, wired from the start; a load
                      generator posts POST /api/inventory/receive to the edge at a fixed rate (what is due is sent
                      every 100 ms), then waits until the edge's /api/sync/status shows nothing pending and reads each
                      movement's lag (cloud applied_at - edge recorded_at) from the cloud's ledger: p50/p95/p99/max for
                      all movements and for the steady state (goal: <= 2 s).
            --rate 500          movements per second
            --seconds 30        load duration
            --warmup 5          seconds at the start left out of the steady state
            --products 200      products created over HTTP before the run
            --batch 5000        Inventory:Cloud:PushBatchSize

          csv-read    The catalog importer's CSV reader (Features/Catalog/Csv/CsvRecordReader) against CsvHelper's
                      CsvReader, the yardstick. Writes a product CSV in the importer's columns (quoted cells with
                      commas, doubled quotes and line breaks) to the temp dir, then reads it with each, alternating,
                      as raw records of strings. Reports best and median seconds, records/s, bytes allocated and the
                      managed heap's peak growth during a read, and the ratio of the medians. No edge is started.
            --rows 200000       product rows in the file
            --runs 3            timed reads per reader (after one warm-up each)
            --seed 42
            --keep              keep the generated file

          trace-cloud The cloud's lot trace at scale. Starts the cloud in this process on a database of its own in
                      PostgreSQL (as sync-backlog does), creates the sites and one product over HTTP, COPYs one lot's
                      movements straight into stock_movements (receipts at the first site's warehouse, transfers
                      out and in to the other sites' warehouses, ships at every location, in time order) and the
                      levels they leave, then times GET /api/lots/trace as JSON and as CSV, one call at a time after a
                      warm-up: median, min and max. Goal <= 1 s for 100,000 movements.
            --movements 100000  movements of the lot
            --sites 3           sites (a warehouse and a store each)
            --runs 5            timed calls per format
            --seed 42
            --keep              keep the cloud's database
            --password PW       the cloud admin's password

          counts      Cycle counting at the size of a location. Seeds P products x B bins of stock straight into
                      SQLite, then times POST /api/cycle-counts over the whole location (goal <= 1 s for 20,000
                      product-bins), its sheet as PDF (goal <= 5 s) and CSV, and C handhelds counting every line by
                      POST /api/scan (action count, the count's id, bin, barcode, quantity) at full speed: scans/s and
                      p50/p95/p99/max; then checks every line holds the scanned figure.
            --products 2000     products (each in every bin)
            --bins 10           bins (products x bins = the count's lines)
            --clients 16        handhelds
            --seed 42

          po-from-alerts  "Create from alerts": seeds products straight into SQLite, opens reorder alerts (reorder
                      point 10, max 40) on some, gives 9 in 10 of those a preferred supplier (min 10, multiple 6),
                      makes open POs over HTTP, then times GET /api/purchase-orders/from-alerts (the review) and
                      one POST (the drafts made). Goal <= 2 s.
            --products 200000   catalog size
            --alerts 5000       open reorder alerts
            --suppliers 20
            --open-orders 100   open POs of 20 lines (stock on order, subtracted)
            --runs 3            review calls
            --seed 42

        In-process edge (every command but csv-read and trace-cloud; movements and fanout also against a running edge with --url)
          The edge starts in this process on http://127.0.0.1:<free port> with a fresh data dir under the
          system temp dir, removed afterwards. Client and edge share the CPUs.
            --max-batch N       Inventory:Ledger:MaxBatch (group-commit batch limit); default: the edge's own
            --data-root DIR     create the data dir under DIR (put it on the disk you want to measure: a tmpfs
                                makes fsync free)
            --keep              keep the data dir (sync-*: and the cloud's database)
            --password PW       the admin password to bootstrap (or, with --url, to sign in with)

        Exit codes: 0 done; 1 movements or sync-lag saw errors, or a check (integrity, cloud against edge) failed;
        2 usage or setup error.
        """;
}
