package dev.isr.core;

import java.util.List;

/**
 * Every configuration key of the module, declared once: its name, how its value is read ({@link ConfigKind}), whether it is
 * a secret, and what docs/configuration.md says of it (type, default, meaning). The MicroProfile Config producer reads
 * every key through this declaration, {@link IsrConfig#toString()} lists them with the secrets redacted, and the test of
 * the configuration reference generates its tables from it, so a key added here is read, shown and documented, or the
 * build fails. The invariants of the values (ranges, formats) stay with the records that hold them ({@link IsrConfig},
 * {@link ClusterSettings}, {@link ChannelSecurity}, {@link ByteBudgets}), whose messages name the key through this enum.
 */
public enum ConfigKey {
    // spotless:off (a table: one key per entry, as the reference reads)
    STORE_PATH("isr.store.path", Section.GENERAL, ConfigKind.STRING,
            "path",
            "`${jboss.server.data.dir}/isr` on WildFly, `${com.sun.aas.instanceRoot}/data/isr` on Payara",
            "directory of the Infinispan global state and the soft-index file store of durable entries. "
            + "Must be writable; if it is not, the cache does not start and pages are served uncached "
            + "(`detail=cache-unavailable`)"),
    MAX_BODY_BYTES("isr.max-body-bytes", Section.GENERAL, ConfigKind.INT,
            "int ≥ 0",
            "`4194304` (4 MiB)",
            "the largest body stored; a larger one is streamed to the client unstored (`detail=too-large`)"),
    STORABLE_STATUSES("isr.storable-statuses", Section.GENERAL, ConfigKind.INT_SET,
            "list of int (200..599)",
            "every final status but 206 and 304",
            "status codes that may be stored, given explicit freshness (RFC 9111 3); `206` and `304` never "
            + "are. List them to narrow it, e.g. `200,203,204,300,301,302,307,308,404,410` (the earlier "
            + "default, which stores no error)"),
    KEY_IGNORED_QUERY_PARAMS("isr.key.ignored-query-params", Section.GENERAL, ConfigKind.LIST,
            "list of names, `prefix*` allowed",
            "`utm_*,fbclid,gclid,mc_cid,mc_eid,msclkid`",
            "query parameters removed before the cache key is built (case-insensitive)"),
    CACHE_STATUS_NAME("isr.cache-status.name", Section.GENERAL, ConfigKind.STRING,
            "RFC 8941 token",
            "`isr`",
            "the cache's name in `Cache-Status`"),
    STRICT_S_MAXAGE("isr.strict-s-maxage", Section.GENERAL, ConfigKind.BOOLEAN,
            "boolean",
            "`false`",
            "`true`: `s-maxage` implies `proxy-revalidate` (RFC 9111 section 5.2.2.10), so such entries are "
            + "never served stale. See [headers.md](headers.md#strict-s-maxage-isrstrict-s-maxage)"),
    PUBLIC_ORIGINS("isr.public-origins", Section.GENERAL, ConfigKind.LIST,
            "list of `scheme://host[:port]`",
            "none: every origin, each with entries of its own (a warning is logged at start)",
            "the origins the cache serves, as visitors address them (`https://www.example.com`). The origin "
            + "(scheme, host, port) is part of every cache key; a request for any other origin is never "
            + "served from or stored in the cache (`detail=unknown-origin`). Set it in production. See "
            + "[security.md](security.md)"),
    ORIGIN("isr.origin", Section.GENERAL, ConfigKind.STRING,
            "`scheme://host[:port]`",
            "the server's HTTP listener: `http://<jboss.bind.address>:<jboss.http.port + port offset>` on "
            + "WildFly (`127.0.0.1` when bound to all addresses), else `http://127.0.0.1:8080`",
            "the address background revalidations connect to (this node's own HTTP listener). The page is "
            + "still rendered for the entry's public origin: only the connection goes there"),
    REVALIDATION_TOKEN("isr.revalidation.token", Section.GENERAL, ConfigKind.SECRET,
            "string, at least 16 characters",
            "random per node",
            "the secret of `Isr-Revalidate`. Never logged"),
    REVALIDATION_TIMEOUT("isr.revalidation.timeout", Section.GENERAL, ConfigKind.DURATION,
            "duration",
            "`10s`",
            "how long a revalidation may take, its response body included, before it counts as failed (and "
            + "its connection is given up)"),
    REVALIDATION_RETRY_AFTER("isr.revalidation.retry-after", Section.GENERAL, ConfigKind.DURATION,
            "duration",
            "`30s`",
            "after a failed revalidation, how long the key is not revalidated again (the stale entry keeps "
            + "being served)"),
    REVALIDATION_MAX_CONCURRENCY("isr.revalidation.max-concurrency", Section.GENERAL, ConfigKind.INT,
            "int 1..256",
            "`4`",
            "how many eager revalidations (`POST /isr/revalidate`, `IsrCache.revalidate`) run at once, and "
            + "how many background revalidations at most run at once on a node: past it a stale hit is served "
            + "stale and starts none (a later hit does)"),
    ADMIN_TOKEN("isr.admin.token", Section.GENERAL, ConfigKind.SECRET,
            "string, at least 16 characters",
            "none: the admin API is closed",
            "the bearer token of the admin API (`Authorization: Bearer <token>`), compared in constant "
            + "time. Never logged"),
    ADMIN_ALLOWED_NETWORKS("isr.admin.allowed-networks", Section.GENERAL, ConfigKind.NETWORKS,
            "list of CIDR blocks (address literals, IPv4 or IPv6)",
            "none: every network",
            "the client networks the admin API answers (every call but the webhook); others get `403` "
            + "before their token is read. Names are refused: only literals, so no resolver is asked. See "
            + "[admin-api.md](admin-api.md)"),
    WEBHOOK_SECRET("isr.webhook.secret", Section.GENERAL, ConfigKind.SECRET,
            "string, at least 16 characters",
            "none: webhooks are refused",
            "the HMAC-SHA256 key that signs `POST /isr/webhook` timestamps and bodies (`Isr-Signature: "
            + "t=<unix seconds>,v1=<hex>`, see [admin-api.md](admin-api.md#post-isrwebhook)). Never logged"),
    WEBHOOK_TOLERANCE("isr.webhook.tolerance", Section.GENERAL, ConfigKind.DURATION,
            "duration",
            "`5m`",
            "how far a webhook's signed timestamp may be from the node's clock; each signature is accepted "
            + "once, cluster-wide: it is remembered for twice this plus one minute in the lease cache (which "
            + "fails open, see [admin-api.md](admin-api.md#post-isrwebhook))"),
    HIT_FOR_PASS("isr.hit-for-pass", Section.GENERAL, ConfigKind.DURATION,
            "duration",
            "`60s`",
            "after a response of a key was not storable, how long requests for that key render at once, "
            + "without waiting for (collapsing onto) another request's render. `0s` turns it off"),
    COLLAPSE_TIMEOUT("isr.collapse.timeout", Section.GENERAL, ConfigKind.DURATION,
            "duration",
            "`10s`",
            "how long a request waits for another request's render of the same key before rendering itself"),
    CLUSTER_MODE("isr.cluster.mode", Section.CLUSTER_AND_STORAGE, ConfigKind.MODE,
            "`local`, `replicated`, `distributed`",
            "`local`",
            "`replicated`: every node holds every entry (reads local, writes to all); `distributed`: each "
            + "entry on `isr.cluster.owners` nodes"),
    CLUSTER_OWNERS("isr.cluster.owners", Section.CLUSTER_AND_STORAGE, ConfigKind.INT,
            "int 1..16",
            "`2`",
            "copies of each entry in `distributed` mode"),
    CLUSTER_NAME("isr.cluster.name", Section.CLUSTER_AND_STORAGE, ConfigKind.STRING,
            "string",
            "`isr`",
            "nodes join only a cluster of the same name"),
    CLUSTER_BIND_ADDRESS("isr.cluster.bind-address", Section.CLUSTER_AND_STORAGE, ConfigKind.STRING,
            "address",
            "`127.0.0.1`",
            "the address the module's JGroups channel listens on; set it to the node's cluster network "
            + "address"),
    CLUSTER_PORT("isr.cluster.port", Section.CLUSTER_AND_STORAGE, ConfigKind.INT,
            "int",
            "`7900`",
            "the JGroups TCP port, distinct from the server's own ports (WildFly's JGroups uses 7600); "
            + "failure detection listens on this port + 100 (`FD_SOCK2`), on the same address"),
    CLUSTER_INITIAL_HOSTS("isr.cluster.initial-hosts", Section.CLUSTER_AND_STORAGE, ConfigKind.LIST,
            "list of `host[port]`",
            "`127.0.0.1[7900]`",
            "the members contacted at start (TCPPING; no multicast)"),
    CLUSTER_MIN_MEMBERS("isr.cluster.min-members", Section.CLUSTER_AND_STORAGE, ConfigKind.INT,
            "int ≥ 1",
            "`1`",
            "readiness is DOWN below this many members"),
    HEALTH_DEGRADED_SHARE("isr.health.degraded-share", Section.CLUSTER_AND_STORAGE, ConfigKind.DOUBLE,
            "number in (0, 1]",
            "`0.5`",
            "readiness is DOWN (`\"degraded\"` in its data) while more than this share of the node's answers "
            + "over `isr.health.degraded-window` were stale because the origin failed (`stale-if-error`), or "
            + "of its background revalidations failed; judged from 20 answers (or revalidations) up, and UP "
            + "again by itself once the failures are older than the window"),
    HEALTH_DEGRADED_WINDOW("isr.health.degraded-window", Section.CLUSTER_AND_STORAGE, ConfigKind.DURATION,
            "duration",
            "`5m`",
            "the window of `isr.health.degraded-share`"),
    CLUSTER_NODE_NAME("isr.cluster.node-name", Section.CLUSTER_AND_STORAGE, ConfigKind.STRING,
            "string",
            "`jboss.node.name` (WildFly), the instance name `com.sun.aas.instanceName` (Payara) unless it "
            + "is `server` (a domain's own server, so named in every domain), else the host name",
            "this node's name in the cluster view, logs and health; set it where two nodes would otherwise "
            + "share one (two servers on one host)"),
    CLUSTER_SECRET("isr.cluster.secret", Section.CLUSTER_AND_STORAGE, ConfigKind.SECRET,
            "string, at least 32 characters",
            "none",
            "the passphrase every node of the cluster holds; the channel's AES-256-GCM key is derived from "
            + "it (PBKDF2, salted with `isr.cluster.name`). Required when `isr.cluster.mode` is not `local`, "
            + "unless `isr.cluster.keystore.path` or `isr.cluster.insecure` is set. A secret: give it through "
            + "the environment (`ISR_CLUSTER_SECRET`) or a secret store, never logged. See "
            + "[operations.md](operations.md#a-sealed-channel)"),
    CLUSTER_KEYSTORE_PATH("isr.cluster.keystore.path", Section.CLUSTER_AND_STORAGE, ConfigKind.STRING,
            "path",
            "none",
            "instead of `isr.cluster.secret`: a PKCS#12 or JCEKS keystore holding the channel's AES key"),
    CLUSTER_KEYSTORE_PASSWORD("isr.cluster.keystore.password", Section.CLUSTER_AND_STORAGE, ConfigKind.SECRET,
            "string",
            "none",
            "the password of that keystore and of its key. A secret"),
    CLUSTER_KEYSTORE_ALIAS("isr.cluster.keystore.alias", Section.CLUSTER_AND_STORAGE, ConfigKind.STRING,
            "string",
            "`isr-cluster`",
            "the alias of the key in the keystore"),
    CLUSTER_INSECURE("isr.cluster.insecure", Section.CLUSTER_AND_STORAGE, ConfigKind.BOOLEAN,
            "boolean",
            "`false`",
            "`true`: the channel is neither encrypted nor authenticated; accepted only with a loopback "
            + "`isr.cluster.bind-address`, for tests and benchmarks on one host"),
    CLUSTER_MAX_CLOCK_SKEW("isr.cluster.max-clock-skew", Section.CLUSTER_AND_STORAGE, ConfigKind.DURATION,
            "duration",
            "`2s`",
            "readiness is DOWN while this node's clock is further than this from the cluster's (the median "
            + "of the members' clocks, which each publishes at every sweep); a purge record dated further "
            + "ahead than this is clamped to the clock of the node that receives it (`ISR0114`)"),
    CACHE_JNDI("isr.cache.jndi", Section.CLUSTER_AND_STORAGE, ConfigKind.STRING,
            "JNDI name",
            "none",
            "WildFly: the cache container of the server's `infinispan` subsystem to keep the caches in, "
            + "e.g. `java:jboss/infinispan/container/isr`, clustered by its transport (the server's channel) "
            + "instead of the module's own; needs the EAR without Infinispan. The module's channel keys "
            + "(`isr.cluster.port`, `.bind-address`, `.initial-hosts`, `.secret`, `.keystore.*`) are not used "
            + "then, and the stores go under the container's global state instead of `isr.store.path`. See "
            + "[operations.md](operations.md#in-wildflys-own-cache-container)"),
    MEMORY_MAX_BYTES("isr.memory.max-bytes", Section.CLUSTER_AND_STORAGE, ConfigKind.BYTES,
            "byte size ≥ 1MiB",
            "`256MiB`",
            "bytes of entries held in memory per node (half for memory-only entries, half for the in-memory "
            + "copies of durable ones, as Infinispan weighs them, ProtoStream-encoded); past it Infinispan "
            + "evicts the least valuable (W-TinyLFU: by recency and frequency of reads; a new entry may be "
            + "refused): memory-only entries are gone, durable ones stay on disk and are read back on demand. "
            + "Hits keep decoded copies of the entries they read besides, up to a quarter of this value, so "
            + "that an entry is decoded once per version and not on every hit: size the heap for 1.25 times it"),
    STORE_MAX_BYTES("isr.store.max-bytes", Section.CLUSTER_AND_STORAGE, ConfigKind.BYTES,
            "byte size",
            "`1GiB`",
            "bytes of durable entries (bodies and fields) in the persistent store per node; past it a new "
            + "durable entry is kept in memory only (logged once, `ISR0105`). The store's files can be larger "
            + "than this by the soft-index store's compaction overhead"),
    STORE_MIN_FREE_BYTES("isr.store.min-free-bytes", Section.CLUSTER_AND_STORAGE, ConfigKind.BYTES,
            "byte size",
            "`64MiB`",
            "bytes kept free on the file system of the persistent store; below it new durable entries and "
            + "vary rules are kept in memory only, readiness is DOWN (`storeFault`) and `ISR0024` is logged "
            + "once, until there is room again (`ISR0025`). It keeps the disk from filling up under a write "
            + "of Infinispan's soft-index store, which does not survive one cut short intact; `0` turns the "
            + "check off"),
    CAPTURE_MAX_BYTES("isr.capture.max-bytes", Section.CLUSTER_AND_STORAGE, ConfigKind.BYTES,
            "byte size",
            "`64MiB`",
            "bytes that responses being captured may buffer at once on a node; a response that would go "
            + "past it is streamed to its client unstored (`detail=capture-budget`)"),
    SWEEP_INTERVAL("isr.sweep.interval", Section.CLUSTER_AND_STORAGE, ConfigKind.DURATION,
            "duration",
            "`15s`",
            "how often each node sweeps the entries it is primary owner of"),
    EVICT_UNREAD_AFTER("isr.evict-unread-after", Section.CLUSTER_AND_STORAGE, ConfigKind.DURATION,
            "duration",
            "`31d`",
            "entries not read for this long (on any node) are evicted by the sweep; also how long purge "
            + "records are kept");
    // spotless:on

    /** The table of docs/configuration.md a key is listed in. */
    public enum Section {
        GENERAL,
        CLUSTER_AND_STORAGE
    }

    private final String key;
    private final Section section;
    private final ConfigKind kind;
    private final String type;
    private final String defaultValue;
    private final String meaning;

    ConfigKey(String key, Section section, ConfigKind kind, String type, String defaultValue, String meaning) {
        this.key = key;
        this.section = section;
        this.kind = kind;
        this.type = type;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    /** The name in MicroProfile Config, e.g. {@code isr.revalidation.timeout}. */
    public String key() {
        return key;
    }

    public Section section() {
        return section;
    }

    public ConfigKind kind() {
        return kind;
    }

    /** Whether the value is a secret: never logged, never left in a file by a test. */
    public boolean secret() {
        return kind == ConfigKind.SECRET;
    }

    /** The value of {@code values} (one element for a scalar key) as this key's type. */
    public Object parse(List<String> values) {
        try {
            return kind.parse(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** This key's row of the configuration reference: {@code | key | type | default | meaning |}. */
    public String referenceRow() {
        return "| `" + key + "` | " + type + " | " + defaultValue + " | " + meaning + " |";
    }

    /** What docs/configuration.md documents as the default, as written there. */
    public String documentedDefault() {
        return defaultValue;
    }
}
