package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Work spread over threads gives the results of one thread, in input order, and keeps every thread busy. */
class FanoutTest {

    @Test
    void chunksCoverEveryItemOnceInOrder() {
        for (int threads = 1; threads <= 3; threads++) {
            for (int size = 0; size <= 30; size++) {
                List<Integer> items = IntStream.range(0, size).boxed().toList();
                try (Fanout fanout = Fanout.of(threads)) {
                    List<List<Integer>> chunks = fanout.chunks(items, List::copyOf);
                    List<Integer> joined = new ArrayList<>();
                    chunks.forEach(joined::addAll);
                    assertThat(joined).as("%d threads, %d items", threads, size).isEqualTo(items);
                    assertThat(chunks.size()).isLessThanOrEqualTo(Math.max(1, threads * 4));
                }
            }
        }
    }

    @Test
    void eachGivesOneResultPerItemInInputOrder() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        try (Fanout fanout = Fanout.of(2)) {
            List<String> results = fanout.each(items, item -> {
                threadNames.add(Thread.currentThread().getName());
                return "item " + item;
            });
            assertThat(results).isEqualTo(items.stream().map(item -> "item " + item).toList());
        }
        assertThat(threadNames).allMatch(name -> name.startsWith("stockade-"));
    }

    @Test
    void eachOnOneThreadRunsOnTheCaller() {
        Thread caller = Thread.currentThread();
        try (Fanout fanout = Fanout.sequential()) {
            assertThat(fanout.each(List.of(1, 2, 3), item -> Thread.currentThread() == caller ? item * 10 : -1))
                    .containsExactly(10, 20, 30);
            assertThat(fanout.each(List.<Integer>of(), item -> item)).isEmpty();
        }
    }

    /**
     * The first item holds its thread until every other item has run: with the items cut into a
     * chunk per thread and more, its thread would own items behind it and never finish. One task per
     * item lets the other thread take all the rest.
     */
    @Test
    void eachLetsTheOtherThreadsTakeEveryItemBehindALongOne() {
        int size = 40;
        CountDownLatch othersDone = new CountDownLatch(size - 1);
        try (Fanout fanout = Fanout.of(2)) {
            List<Boolean> results = fanout.each(IntStream.range(0, size).boxed().toList(), item -> {
                if (item == 0) {
                    try {
                        return othersDone.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                othersDone.countDown();
                return true;
            });
            assertThat(results).hasSize(size).containsOnly(true);
        }
    }

    @Test
    void aFailureReachesTheCallerAsThrown() {
        IllegalStateException failure = new IllegalStateException("item 7 failed");
        try (Fanout fanout = Fanout.of(2)) {
            assertThatThrownBy(() -> fanout.each(IntStream.range(0, 20).boxed().toList(), item -> {
                if (item == 7) {
                    throw failure;
                }
                return item;
            })).isSameAs(failure);
        }
    }
}
