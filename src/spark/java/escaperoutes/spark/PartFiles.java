package escaperoutes.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The part file of one batch: the rows of its points for results.csv and sensitivity-outputs.csv, behind a header
 * line that names the sweep, the points and the two lengths in bytes, so that a part cut short or left by another
 * sweep is recognised. Written through Hadoop's file system API, so the folder may be on a local or shared disk
 * ({@code file:}), HDFS, or an object store; written under a temporary name and renamed, so a part that exists is
 * whole.
 *
 * <pre>
 * escape-routes sweep part 1 &lt;sweep SHA-256&gt; &lt;first point&gt; &lt;last point&gt; &lt;results bytes&gt;
 *     &lt;outputs bytes&gt;                             (one line)
 * &lt;results.csv rows&gt;&lt;sensitivity-outputs.csv rows&gt;
 * </pre>
 */
final class PartFiles {
    private static final String MAGIC = "escape-routes sweep part 1";

    /** A batch's rows as read back from its part. */
    record Rows(int firstPoint, int lastPoint, String results, String outputs) {
    }

    private PartFiles() {
    }

    /** The file system of {@code folder}; checksum files are not written beside the parts on local disks. */
    static FileSystem fileSystem(URI folder) throws IOException {
        FileSystem fs = FileSystem.get(folder, new Configuration());
        fs.setWriteChecksum(false);
        fs.setVerifyChecksum(false);
        return fs;
    }

    /** The part of points first…last of the sweep {@code sweepSha256}, in {@code folder}. */
    static Path path(URI folder, String sweepSha256, int firstPoint, int lastPoint) {
        return new Path(new Path(folder), String.format("%s-%08d-%08d.part", sweepSha256.substring(0, 16), firstPoint,
                lastPoint));
    }

    /** Writes the part under a temporary name, then renames it; a part already there (an earlier attempt) stays. */
    static void write(FileSystem fs, Path part, String sweepSha256, int firstPoint, int lastPoint, String results,
                      String outputs) throws IOException {
        byte[] r = results.getBytes(StandardCharsets.UTF_8);
        byte[] o = outputs.getBytes(StandardCharsets.UTF_8);
        byte[] header = (MAGIC + " " + sweepSha256 + " " + firstPoint + " " + lastPoint + " " + r.length + " "
                + o.length + "\n").getBytes(StandardCharsets.US_ASCII);
        fs.mkdirs(part.getParent());
        Path temp = new Path(part.getParent(), "." + part.getName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(temp, true)) {
            out.write(header);
            out.write(r);
            out.write(o);
        }
        // Two attempts at the same batch (a retried or speculative task) write the same bytes: whichever rename
        // comes second finds the part there and drops its copy.
        if (!fs.rename(temp, part)) {
            fs.delete(temp, false);
            if (!fs.exists(part)) {
                throw new IOException("cannot rename " + temp + " to " + part);
            }
        }
    }

    /**
     * Reads a part back, checking it is whole and of this sweep and batch.
     *
     * @throws IOException naming the part and what is wrong with it
     */
    static Rows read(FileSystem fs, Path part, String sweepSha256, int firstPoint, int lastPoint) throws IOException {
        byte[] bytes;
        try (FSDataInputStream in = fs.open(part)) {
            bytes = readAll(in);
        }
        Header h = header(bytes, part, sweepSha256, firstPoint, lastPoint);
        int start = h.rowsStart();
        long resultsLength = h.resultsLength();
        if (bytes.length - start != resultsLength + h.outputsLength()) {
            throw new IOException(part + ": holds " + (bytes.length - start) + " bytes of rows, its header says "
                    + (resultsLength + h.outputsLength()));
        }
        return new Rows(firstPoint, lastPoint,
                new String(bytes, start, (int) resultsLength, StandardCharsets.UTF_8),
                new String(bytes, start + (int) resultsLength, (int) h.outputsLength(), StandardCharsets.UTF_8));
    }

    /**
     * Whether a whole part of this batch is there (written before an interruption): its header is this batch's and
     * the file is as long as the header says. Reads only the header.
     */
    static boolean isWhole(FileSystem fs, Path part, String sweepSha256, int firstPoint, int lastPoint)
            throws IOException {
        if (!fs.exists(part)) {
            return false;
        }
        long length = fs.getFileStatus(part).getLen();
        byte[] start = new byte[(int) Math.min(length, 256)];
        try (FSDataInputStream in = fs.open(part)) {
            in.readFully(start);
        }
        try {
            Header h = header(start, part, sweepSha256, firstPoint, lastPoint);
            return length == h.rowsStart() + h.resultsLength() + h.outputsLength();
        } catch (IOException notThisPart) {
            return false;
        }
    }

    /** A part's header: where its rows start and their two lengths, in bytes. */
    private record Header(int rowsStart, long resultsLength, long outputsLength) {
    }

    /** Reads the header line at the start of {@code bytes}, checking it names this sweep and batch. */
    private static Header header(byte[] bytes, Path part, String sweepSha256, int firstPoint, int lastPoint)
            throws IOException {
        int newline = 0;
        while (newline < bytes.length && bytes[newline] != '\n') {
            newline++;
        }
        String[] fields = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
        String expected = MAGIC + " " + sweepSha256 + " " + firstPoint + " " + lastPoint;
        if (newline == bytes.length || fields.length != 9
                || !String.join(" ", Arrays.copyOf(fields, 7)).equals(expected)) {
            throw new IOException(part + ": not the part of points " + firstPoint + "-" + lastPoint + " of this sweep");
        }
        try {
            return new Header(newline + 1, Long.parseLong(fields[7]), Long.parseLong(fields[8]));
        } catch (NumberFormatException e) {
            throw new IOException(part + ": unreadable header", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
