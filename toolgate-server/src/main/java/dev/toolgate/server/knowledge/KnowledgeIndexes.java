package dev.toolgate.server.knowledge;

import dev.toolgate.core.knowledge.KnowledgeSearchException;
import dev.toolgate.knowledge.AgentIndex;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's Lucene indexes, one per agent, under {@code <data-dir>/knowledge-index/<slot>/<tenantId>/<agentId>} ({@link IndexFolder})
 * (docs/knowledge-base.md, "Index"). The database is the truth: an index is brought in step with the agent's ready
 * documents before it is searched when a {@link InvalidationEvent.KnowledgeChanged} for the agent arrived (from this
 * or another instance), when it was never checked, or when it was last checked more than {@link #RECHECK_INTERVAL}
 * ago (only the bus's fallback lifetime while the bus is disconnected). {@link #syncAll} checks every agent at
 * start and drops the folders of agents that have no ready document any more. A folder that cannot be opened
 * (damaged) is deleted and built again from the database. Thread-safe.
 */
public final class KnowledgeIndexes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexes.class);

    /** How long an index is trusted without asking the database while the invalidation bus is connected. */
    public static final Duration RECHECK_INTERVAL = Duration.ofMinutes(1);

    private final Path root;
    private final DocumentStore store;
    private final InvalidationBus invalidations;
    private final Map<KnowledgeDocument.Owner, AgentIndex> open = new ConcurrentHashMap<>();
    private final Map<KnowledgeDocument.Owner, Instant> checked = new ConcurrentHashMap<>();

    /**
     * @param root the folder of every agent's index
     * @param store the documents and chunks
     * @param invalidations tells of changes on any instance
     */
    public KnowledgeIndexes(Path root, DocumentStore store, InvalidationBus invalidations) {
        this.root = root;
        this.store = store;
        this.invalidations = invalidations;
        invalidations.subscribe(event -> {
            switch (event) {
                case InvalidationEvent.KnowledgeChanged changed ->
                    checked.remove(new KnowledgeDocument.Owner(changed.tenantId(), changed.agentId()));
                case InvalidationEvent.AgentChanged changed ->
                    drop(new KnowledgeDocument.Owner(changed.tenantId(), changed.agentId()));
                case InvalidationEvent.Everything everything -> checked.clear();
                default -> {}
            }
        });
    }

    /**
     * Returns the agent's index, in step with the database; empty when the agent has no ready document (no folder
     * is made for it, so searching an unknown agent leaves nothing behind).
     *
     * @throws KnowledgeSearchException when the index cannot be opened or written
     */
    Optional<AgentIndex> current(KnowledgeDocument.Owner owner) {
        Instant last = checked.get(owner);
        if (last != null
                && last.plus(invalidations.cacheLifetime(RECHECK_INTERVAL)).isAfter(Instant.now())) {
            return Optional.ofNullable(open.get(owner));
        }
        return sync(owner);
    }

    /**
     * Brings the agent's index in step with the database now; an agent without ready documents has its index
     * closed and deleted.
     *
     * @return the index, or empty when the agent has no ready document
     * @throws KnowledgeSearchException when the index cannot be opened or written
     */
    Optional<AgentIndex> sync(KnowledgeDocument.Owner owner) {
        Instant started = Instant.now();
        List<UUID> ready = store.readyIds(owner.tenantId(), owner.agentId());
        if (ready.isEmpty()) {
            if (open.containsKey(owner) || Files.exists(folder(owner))) {
                drop(owner);
            }
            checked.put(owner, started);
            return Optional.empty();
        }
        AgentIndex index = open.computeIfAbsent(owner, this::openOrRebuild);
        try {
            index.sync(ready, id -> store.chunksForIndex(owner.tenantId(), id));
        } catch (IOException | UncheckedIOException e) {
            throw new KnowledgeSearchException(
                    "the knowledge index of agent " + owner.agentId() + " cannot be written", e);
        }
        checked.put(owner, started);
        return Optional.of(index);
    }

    private AgentIndex openOrRebuild(KnowledgeDocument.Owner owner) {
        Path folder = folder(owner);
        try {
            return new AgentIndex(folder);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "The knowledge index in {} cannot be opened ({}); building it again from the database",
                    folder,
                    e.toString());
            try {
                deleteTree(folder);
                return new AgentIndex(folder);
            } catch (IOException again) {
                throw new KnowledgeSearchException(
                        "the knowledge index of agent " + owner.agentId() + " cannot be opened", again);
            }
        }
    }

    /** Checks every agent with ready documents, and deletes the folders of agents without any (at start). */
    public void syncAll() {
        Set<KnowledgeDocument.Owner> owners = new HashSet<>(store.ownersWithReadyDocuments());
        for (KnowledgeDocument.Owner owner : owners) {
            try {
                sync(owner);
            } catch (KnowledgeSearchException e) {
                log.warn("{}", e.getMessage(), e.getCause());
            }
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> tenants = Files.newDirectoryStream(root)) {
            for (Path tenant : tenants) {
                try (DirectoryStream<Path> agents = Files.newDirectoryStream(tenant)) {
                    for (Path agent : agents) {
                        KnowledgeDocument.Owner owner = ownerOf(tenant, agent);
                        if (owner != null && !owners.contains(owner)) {
                            drop(owner);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the knowledge indexes under {}: {}", root, e.toString());
        }
    }

    /** Closes and deletes the agent's index (its agent is gone, or it has no ready document). */
    void drop(KnowledgeDocument.Owner owner) {
        AgentIndex index = open.remove(owner);
        checked.remove(owner);
        try {
            if (index != null) {
                index.close();
            }
            deleteTree(folder(owner));
        } catch (IOException e) {
            log.warn("Cannot delete the knowledge index of agent {}: {}", owner.agentId(), e.toString());
        }
    }

    private Path folder(KnowledgeDocument.Owner owner) {
        return root.resolve(owner.tenantId().toString()).resolve(owner.agentId().toString());
    }

    private static KnowledgeDocument.Owner ownerOf(Path tenant, Path agent) {
        try {
            return new KnowledgeDocument.Owner(
                    UUID.fromString(tenant.getFileName().toString()),
                    UUID.fromString(agent.getFileName().toString()));
        } catch (IllegalArgumentException e) {
            return null; // not a folder this class made
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        for (KnowledgeDocument.Owner owner : Set.copyOf(open.keySet())) {
            AgentIndex index = open.remove(owner);
            try {
                index.close();
            } catch (IOException e) {
                log.warn("Cannot close the knowledge index of agent {}: {}", owner.agentId(), e.toString());
            }
        }
    }
}
