package escaperoutes.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultsLayoutTest {

    @TempDir
    Path root;

    @Test
    void aDefaultFolderIsTheUtcSecondWithACounterForTheSameSecond() throws IOException {
        Instant now = Instant.parse("2024-03-05T07:08:09.750Z");
        Path first = ResultsLayout.newFolder(root, "baseline", now);
        assertEquals(root.resolve("baseline").resolve("2024-03-05T07-08-09"), first);
        Files.createDirectories(first);
        Path second = ResultsLayout.newFolder(root, "baseline", now);
        assertEquals(root.resolve("baseline").resolve("2024-03-05T07-08-09-2"), second);
        Files.createDirectories(second);
        assertEquals(root.resolve("baseline").resolve("2024-03-05T07-08-09-3"),
                ResultsLayout.newFolder(root, "baseline", now));
    }

    @Test
    void aNameThatIsNotOneFolderIsRefused() {
        Instant now = Instant.parse("2024-03-05T07:08:09Z");
        assertThrows(IllegalArgumentException.class, () -> ResultsLayout.newFolder(root, "../x", now));
        assertThrows(IllegalArgumentException.class, () -> ResultsLayout.newFolder(root, "a/b", now));
        assertThrows(IllegalArgumentException.class, () -> ResultsLayout.foldersOf(" "));
    }

    @Test
    void aChunkOfASweepIsMarkedInItsFolderName() {
        Instant now = Instant.parse("2024-03-05T07:08:09Z");
        Path chunk = ResultsLayout.newChunkFolder("enforcement", now, 3, 10);
        assertEquals(ResultsLayout.ROOT.resolve("enforcement").resolve("2024-03-05T07-08-09-chunk-3-of-10"),
                chunk);
        assertEquals(ResultsLayout.ROOT.resolve("enforcement").resolve("2024-03-05T07-08-09"),
                ResultsLayout.newChunkFolder("enforcement", now, 1, 1));
    }
}
