package escaperoutes.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Path;

/** The JSON settings of everything a run writes (manifest, resolved scenario). */
public final class Json {

    // "\n" rather than the platform's line separator, so a run's JSON files are byte-identical on every OS.
    // Arrays keep Jackson's one-line style, which keeps per-year series compact.
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.USE_DEFAULTS))
            .defaultPrettyPrinter(PRETTY)
            .build();

    private Json() {
    }

    /** The shared, configured mapper; use {@code mapper().copy()} to change settings for one purpose. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code value} as indented JSON with a final newline, through a temporary file and a rename. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeAtomically(file, text(value));
    }

    /** The text {@link #write} writes: indented JSON with a final newline. */
    public static String text(Object value) throws IOException {
        return MAPPER.writeValueAsString(value) + "\n";
    }
}
