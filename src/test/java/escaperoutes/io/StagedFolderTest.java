package escaperoutes.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagedFolderTest {

    @TempDir
    Path root;

    @Test
    void refusesAnExistingFolder() throws IOException {
        Path existing = Files.createDirectory(root.resolve("run"));
        IOException e = assertThrows(IOException.class, () -> StagedFolder.create(existing));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(List.of("run"), names(root));
    }

    @Test
    void commitRenamesThePartialFolder() throws IOException {
        Path target = root.resolve("results").resolve("run");
        Path committed;
        try (StagedFolder folder = StagedFolder.create(target)) {
            Path partial = folder.path();
            assertTrue(partial.getFileName().toString().startsWith(".run.partial-"), partial.toString());
            assertEquals(target.toAbsolutePath().getParent(), partial.getParent());
            assertFalse(Files.exists(target), "nothing under the final name before commit");
            AtomicFiles.writeAtomically(partial.resolve("a.csv"), "x\n");
            committed = folder.commit();
            assertThrows(IllegalStateException.class, folder::path);
        }
        assertEquals(target.toAbsolutePath(), committed);
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("run"), names(target.getParent()), "no partial folder left beside it");
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        Path target = root.resolve("run");
        try (StagedFolder folder = StagedFolder.create(target)) {
            Files.createDirectories(folder.path().resolve("sub"));
            AtomicFiles.writeAtomically(folder.path().resolve("sub").resolve("b.csv"), "y\n");
        }
        assertEquals(List.of(), names(root));
    }

    @Test
    void abandonAfterAFailureLeavesNothing() throws IOException {
        Path target = root.resolve("run");
        assertThrows(IllegalStateException.class, () -> {
            try (StagedFolder folder = StagedFolder.create(target)) {
                AtomicFiles.writeAtomically(folder.path().resolve("half.csv"), out -> {
                    out.write("a,b\n");
                    throw new IllegalStateException("simulated crash while writing");
                });
            }
        });
        assertEquals(List.of(), names(root));
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path file = root.resolve("t.csv");
        AtomicFiles.writeAtomically(file, "old\n");
        AtomicFiles.writeAtomically(file, "new\n");
        assertEquals("new\n", Files.readString(file));
        assertEquals(List.of("t.csv"), names(root));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
