package dev.toolgate.server.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The folder this instance keeps its knowledge indexes in: {@code <data-dir>/knowledge-index/<slot>}, where the slot
 * is the first of 0, 1, 2, … whose lock file ({@code <slot>.lock}, an OS file lock held while the instance runs) no
 * other process holds. Instances that share a data dir (several on one host, all on PostgreSQL) so never write the
 * same Lucene index, and a restarted instance finds its indexes again in the slot it had.
 */
final class IndexFolder implements AutoCloseable {

    /** The most instances that may share one data dir. */
    static final int MAX_SLOTS = 64;

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private IndexFolder(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the first free slot under {@code root}.
     *
     * @throws UncheckedIOException when the folder cannot be created or every slot is taken
     */
    static IndexFolder claim(Path root) {
        try {
            Files.createDirectories(root);
            for (int slot = 0; slot < MAX_SLOTS; slot++) {
                FileChannel channel = FileChannel.open(
                        root.resolve(slot + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by this JVM already (another context in the same process)
                }
                if (lock != null) {
                    return new IndexFolder(
                            Files.createDirectories(root.resolve(Integer.toString(slot))), channel, lock);
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the knowledge index folder " + root, e);
        }
        throw new UncheckedIOException(new IOException(
                "all " + MAX_SLOTS + " knowledge index slots under " + root + " are held by other processes"));
    }

    /** Returns this instance's folder. */
    Path path() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
