package dev.toolgate.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFolderTest {

    @TempDir
    Path root;

    @Test
    void instancesSharingADataDirGetSlotsOfTheirOwnAndAFreedSlotIsTakenAgain() throws Exception {
        try (IndexFolder first = IndexFolder.claim(root)) {
            assertThat(first.path()).isEqualTo(root.resolve("0")).isDirectory();
            IndexFolder second = IndexFolder.claim(root);
            assertThat(second.path()).isEqualTo(root.resolve("1"));
            second.close();
            try (IndexFolder third = IndexFolder.claim(root)) {
                assertThat(third.path()).as("slot 1 was given back").isEqualTo(root.resolve("1"));
            }
        }
        try (IndexFolder again = IndexFolder.claim(root)) {
            assertThat(again.path()).as("a restarted instance finds its slot").isEqualTo(root.resolve("0"));
        }
    }
}
