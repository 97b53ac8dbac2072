package escaperoutes.output;

import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ManifestTest {

    @TempDir
    Path dir;

    @Test
    void manifestJsonInRecordOrder() throws IOException {
        Manifest m = new Manifest(42, 10, 4, "0.1.0", null, "scenarios/baseline.json", "ab12", List.of(),
                "classpath:x.csv", "cd34", "2024-03-05T07:08:09Z", "2024-03-05T07:09:10Z", "17.0.12+7 (Vendor)",
                List.of("run", "--seed", "42"));
        m.write(dir);
        assertEquals("""
                {
                  "seed" : 42,
                  "replications" : 10,
                  "threads" : 4,
                  "programVersion" : "0.1.0",
                  "gitCommit" : null,
                  "scenarioFile" : "scenarios/baseline.json",
                  "scenarioSha256" : "ab12",
                  "observedSource" : "classpath:x.csv",
                  "observedSha256" : "cd34",
                  "startedAt" : "2024-03-05T07:08:09Z",
                  "finishedAt" : "2024-03-05T07:09:10Z",
                  "javaVersion" : "17.0.12+7 (Vendor)",
                  "commandLine" : [ "run", "--seed", "42" ]
                }
                """, Files.readString(dir.resolve(ResultFiles.MANIFEST), StandardCharsets.UTF_8));
    }

    record Dated(LocalDate day, String absent, Map<String, Integer> counts) {
    }

    @Test
    void jsonWritesDatesAsTextAndOmitsNulls() throws IOException {
        Path file = dir.resolve("x.json");
        Json.write(file, new Dated(LocalDate.of(2012, 1, 31), null, Map.of("a", 1)));
        assertEquals("""
                {
                  "day" : "2012-01-31",
                  "counts" : {
                    "a" : 1
                  }
                }
                """, Files.readString(file));
        assertTrue(Files.notExists(dir.resolve("x.json.tmp")));
    }

    @Test
    void sha256OfKnownInput() {
        // FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Manifest.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }


    @Test
    void gitCommitIsNullOutsideARepository() {
        assertNull(Manifest.gitCommit(dir));
        assertNull(Manifest.gitCommit(dir.resolve("does-not-exist")));
    }

    @Test
    void gitCommitOfARepositoryAndDirtyMark() throws Exception {
        assumeTrue(run(dir, "git", "--version") == 0, "git is not installed");
        assumeTrue(run(dir, "git", "init", "-q") == 0);
        Files.writeString(dir.resolve("f.txt"), "1\n");
        assumeTrue(run(dir, "git", "add", "f.txt") == 0);
        assumeTrue(run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c",
                "commit.gpgsign=false", "commit", "-q", "-m", "first") == 0);

        String clean = Manifest.gitCommit(dir);
        assertTrue(clean != null && clean.matches("[0-9a-f]{40}|[0-9a-f]{64}"), String.valueOf(clean));
        Files.writeString(dir.resolve("untracked.txt"), "not counted\n");
        assertEquals(clean, Manifest.gitCommit(dir), "untracked files do not make the tree dirty");
        Files.writeString(dir.resolve("f.txt"), "2\n");
        assertEquals(clean + "-dirty", Manifest.gitCommit(dir));
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
