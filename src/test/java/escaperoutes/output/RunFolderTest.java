package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderTest {

    @TempDir
    Path root;

    @Test
    void refusesAnExistingFolder() throws IOException {
        Path existing = Files.createDirectory(root.resolve("run"));
        IOException e = assertThrows(IOException.class, () -> RunFolder.create(existing));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(List.of("run"), names(root));
    }

    @Test
    void commitRenamesThePartialFolder() throws IOException {
        Path target = root.resolve("results").resolve("run");
        Path committed;
        try (RunFolder folder = RunFolder.create(target)) {
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
        try (RunFolder folder = RunFolder.create(target)) {
            Files.createDirectories(folder.path().resolve("sub"));
            AtomicFiles.writeAtomically(folder.path().resolve("sub").resolve("b.csv"), "y\n");
        }
        assertEquals(List.of(), names(root));
    }

    @Test
    void abandonAfterAFailureLeavesNothing() throws IOException {
        Path target = root.resolve("run");
        assertThrows(IllegalStateException.class, () -> {
            try (RunFolder folder = RunFolder.create(target)) {
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

    @Test
    void defaultRunDirIsUtcTimestampWithCounter() throws IOException {
        Instant now = Instant.parse("2024-03-05T07:08:09.750Z");
        Path first = RunFolder.defaultRunDir(root, "baseline", now);
        assertEquals(root.resolve("baseline").resolve("2024-03-05T07-08-09"), first);
        Files.createDirectories(first);
        Path second = RunFolder.defaultRunDir(root, "baseline", now);
        assertEquals(root.resolve("baseline").resolve("2024-03-05T07-08-09-2"), second);
        Files.createDirectories(second);
        assertEquals(root.resolve("baseline").resolve("2024-03-05T07-08-09-3"),
                RunFolder.defaultRunDir(root, "baseline", now));
        assertThrows(IllegalArgumentException.class, () -> RunFolder.defaultRunDir(root, "../x", now));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
