package dev.toolgate.server.knowledge;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The knowledge bases' background jobs, on one virtual thread: once the application is ready, every agent's index
 * is brought in step with the database ({@link KnowledgeIndexes#syncAll}); and at start, then every half
 * {@link DocumentProcessor#STALE_AFTER}, documents left processing by a stopped instance are failed.
 */
final class KnowledgeMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeMaintenance.class);

    private final DocumentProcessor processor;
    private final KnowledgeIndexes indexes;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("toolgate-knowledge-maintenance").factory());

    KnowledgeMaintenance(DocumentProcessor processor, KnowledgeIndexes indexes) {
        this.processor = processor;
        this.indexes = indexes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long period = DocumentProcessor.STALE_AFTER.toSeconds() / 2;
        scheduler.scheduleAtFixedRate(this::failStale, 0, period, TimeUnit.SECONDS);
        scheduler.execute(this::syncAll);
    }

    private void failStale() {
        try {
            int failed = processor.failStale();
            if (failed > 0) {
                log.warn("{} knowledge document(s) were left processing by a stopped instance; marked failed", failed);
            }
        } catch (RuntimeException e) {
            log.warn("Cannot check for interrupted knowledge documents: {}", e.toString());
        }
    }

    private void syncAll() {
        try {
            indexes.syncAll();
        } catch (RuntimeException e) {
            log.warn("Cannot bring the knowledge indexes in step with the database: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
