package dev.stockade.compiler.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Work over servers spread on a bounded number of threads, with results in input order, so a run
 * on many threads gives exactly what the run on one gives. Servers are independent once parsed:
 * each task gets a contiguous chunk (or, for items worth a task each such as policy files, one item)
 * and reports into its own buffers, which the caller merges in input order. With one thread nothing
 * is started and the work runs on the caller's thread.
 */
public final class Fanout implements AutoCloseable {

    /** Chunks per thread: enough to even out servers of different sizes, few enough to stay cheap. */
    private static final int CHUNKS_PER_THREAD = 4;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private static final long STOP_WAIT_SECONDS = 60;

    private final int threads;
    private final ExecutorService pool;

    private Fanout(int threads) {
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger worker = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "stockade-" + id + "-" + worker.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** At most {@code threads} threads (at least one). */
    public static Fanout of(int threads) {
        return new Fanout(Math.max(1, threads));
    }

    /** One thread: the caller's. */
    public static Fanout sequential() {
        return of(1);
    }

    public int threads() {
        return threads;
    }

    /** {@code work} applied to contiguous chunks of {@code items}; the results in chunk order. */
    public <T, R> List<R> chunks(List<T> items, Function<List<T>, R> work) {
        if (pool == null || items.size() < 2) {
            return List.of(work.apply(items));
        }
        int chunks = Math.min(items.size(), threads * CHUNKS_PER_THREAD);
        List<List<T>> cut = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            cut.add(items.subList(items.size() * c / chunks, items.size() * (c + 1) / chunks));
        }
        return each(cut, work);
    }

    /**
     * {@code work} applied to every item as a task of its own, the results in input order: for
     * items large enough to be worth a task each (a policy file of many servers), so that no thread
     * idles at the end while another finishes a long chunk. The threads take the items in order.
     */
    public <T, R> List<R> each(List<T> items, Function<T, R> work) {
        if (pool == null || items.size() < 2) {
            List<R> results = new ArrayList<>(items.size());
            items.forEach(item -> results.add(work.apply(item)));
            return results;
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(join(future));
            }
        } catch (RuntimeException | Error failure) {
            // The other items' results are of no use now; the ones not started never start.
            futures.forEach(future -> future.cancel(true));
            throw failure;
        }
        return results;
    }

    /** {@code work} applied to every item, in parallel chunks; the results in input order. */
    public <T, R> List<R> map(List<T> items, Function<T, R> work) {
        List<R> out = new ArrayList<>(items.size());
        chunks(items, chunk -> chunk.stream().map(work).toList()).forEach(out::addAll);
        return out;
    }

    private static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stops the threads and waits for them, so no work (and no sink it calls) outlives the
     * compile; after a failure, a chunk already running finishes first.
     */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("compile threads still running " + STOP_WAIT_SECONDS + " s after the end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
