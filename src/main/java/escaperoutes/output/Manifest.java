package escaperoutes.output;

import escaperoutes.io.Digests;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * What is needed to reproduce and audit a run, written as {@code manifest.json} beside the results.
 *
 * @param gitCommit    commit of the working copy the program ran from, with {@code -dirty} for uncommitted changes to
 *                     tracked files; null when unknown (written as null so its absence is visible)
 * @param scenarioParents the files the scenario extends, nearest first, with their checksums (left out when none)
 * @param startedAt    ISO-8601 instant, UTC
 * @param finishedAt   ISO-8601 instant, UTC
 * @param commandLine  the arguments the program was started with
 */
@JsonPropertyOrder({"seed", "replications", "threads", "programVersion", "gitCommit", "scenarioFile",
        "scenarioSha256", "scenarioParents", "observedSource", "observedSha256", "startedAt", "finishedAt",
        "javaVersion", "commandLine"})
public record Manifest(long seed, int replications, int threads, String programVersion,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String gitCommit, String scenarioFile,
                       String scenarioSha256,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InputFile> scenarioParents,
                       String observedSource, String observedSha256, String startedAt,
                       String finishedAt, String javaVersion, List<String> commandLine) {

    /** An input file and the SHA-256 of its bytes. */
    public record InputFile(String file, String sha256) {

        /** The files as named, each with the checksum of its current content. */
        public static List<InputFile> of(List<Path> files) throws IOException {
            List<InputFile> inputs = new ArrayList<>();
            for (Path file : files) {
                inputs.add(new InputFile(file.toString(), Manifest.sha256(file)));
            }
            return List.copyOf(inputs);
        }
    }

    private static final long GIT_TIMEOUT_SECONDS = 5;
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public Manifest {
        scenarioParents = scenarioParents == null ? List.of() : List.copyOf(scenarioParents);
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** Writes {@code manifest.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Json.write(dir.resolve(ResultFiles.MANIFEST), this);
    }

    public static String sha256(byte[] bytes) {
        return Digests.sha256(bytes);
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** The version in the jar's manifest, or "dev" when running from classes (IDE, Maven tests). */
    public static String currentProgramVersion() {
        String version = Manifest.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The Java runtime that ran the program, e.g. {@code 17.0.12+7 (Eclipse Adoptium)}. */
    public static String currentJavaVersion() {
        return Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
    }

    /**
     * {@code git rev-parse HEAD} of {@code dir}, with {@code -dirty} appended when tracked files have uncommitted
     * changes; null when git is missing, {@code dir} is not in a repository, or git takes longer than 5 s.
     */
    public static String gitCommit(Path dir) {
        try {
            String head = git(dir, "rev-parse", "HEAD");
            if (head == null || !COMMIT_ID.matcher(head.strip()).matches()) {
                return null;
            }
            String status = git(dir, "status", "--porcelain", "--untracked-files=no");
            if (status == null) {
                return null;
            }
            return head.strip() + (status.isBlank() ? "" : "-dirty");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Standard output of a successful git command, or null on any failure. */
    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // Keeps `git status` from refreshing the index, so that recording a run never modifies the repository.
        builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return null;
        }
        try {
            // Read while waiting: a long `status` listing would otherwise fill the pipe and block git.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
            String text = output.get(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return process.exitValue() == 0 ? text : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readAll(InputStream in) {
        try (in; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
