package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Per-host state, bounded and expiring: a host not used for {@code idle} is dropped, and past
 * {@code maxHosts} entries the least recently used are dropped first. An entry that is in use
 * ({@link #acquire} not yet {@link #release}d) or that the owner says is still busy is never dropped,
 * so the table may exceed {@code maxHosts} by the hosts in flight at that moment.
 *
 * <p>Written here rather than taken from a cache library: Caffeine or Guava's cache are not on the
 * classpath and one would be added for ~80 lines, and neither offers "never evict while in use" without
 * weighers or pinning tricks. A {@link LinkedHashMap} in access order is an LRU list; every call is
 * synchronized on the table, and each does O(1) work plus the evictions it triggers (entries in use,
 * skipped, are at most the requests in flight). Politeness waits and robots.txt reads happen outside
 * this lock. Thread-safe.
 */
final class HostTable<V> {
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final long idleNanos;
    private final int maxHosts;
    private final LongSupplier nanoTime;
    private final Predicate<V> busy;

    /**
     * @param busy whether an entry not acquired must still be kept (e.g. a gate whose next request slot
     *             lies in the future: dropping it would let the next request skip the host's delay)
     */
    HostTable(Duration idle, int maxHosts, LongSupplier nanoTime, Predicate<V> busy) {
        this.idleNanos = idle.toNanos();
        this.maxHosts = maxHosts;
        this.nanoTime = nanoTime;
        this.busy = busy;
    }

    /** The entry of {@code host}, made when missing, marked in use until {@link #release}. */
    synchronized V acquire(String host, Supplier<V> create) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(host);
        if (entry == null) {
            entry = new Entry<>(create.get());
            entries.put(host, entry);
        }
        entry.users++;
        entry.lastUsedNanos = now;
        evict(now);
        return entry.value;
    }

    /** Ends one use of {@code host}'s entry; it counts as used now. */
    synchronized void release(String host) {
        Entry<V> entry = entries.get(host); // moves it to the most recently used end
        if (entry == null) return;
        entry.users = Math.max(0, entry.users - 1);
        entry.lastUsedNanos = nanoTime.getAsLong();
    }

    /** Entries kept now (those that expired are dropped first). */
    synchronized int size() {
        evict(nanoTime.getAsLong());
        return entries.size();
    }

    /** Drops, least recently used first, entries idle too long and entries past the cap, skipping those in use. */
    private void evict(long now) {
        Iterator<Map.Entry<String, Entry<V>>> eldestFirst = entries.entrySet().iterator();
        int size = entries.size();
        while (eldestFirst.hasNext()) {
            Entry<V> entry = eldestFirst.next().getValue();
            boolean idle = now - entry.lastUsedNanos >= idleNanos;
            if (!idle && size <= maxHosts) return; // the rest were used more recently
            if (entry.users > 0 || busy.test(entry.value)) continue;
            eldestFirst.remove();
            size--;
        }
    }

    private static final class Entry<V> {
        final V value;
        int users;
        long lastUsedNanos;

        Entry(V value) {
            this.value = value;
        }
    }
}
