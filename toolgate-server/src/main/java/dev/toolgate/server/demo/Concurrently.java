package dev.toolgate.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Runs one task per item on virtual threads, at most a given number at once: how the demo keeps requests in flight. */
final class Concurrently {

    private Concurrently() {}

    /** One item's work. */
    interface Task<T> {
        /** Does the work for {@code item}; the result is ignored. */
        Object run(T item) throws Exception;
    }

    /**
     * Runs {@code task} for every item and waits for all of them.
     *
     * @param concurrency the most tasks running at once
     * @throws Exception the first task failure (as an {@code ExecutionException}), or an interruption
     */
    static <T> void run(List<T> items, int concurrency, Task<T> task) throws Exception {
        Semaphore permits = new Semaphore(concurrency);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (T item : items) {
                permits.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        return task.run(item);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Object> future : futures) {
                future.get();
            }
        }
    }
}
