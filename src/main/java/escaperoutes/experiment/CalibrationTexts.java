package escaperoutes.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.io.Digests;
import escaperoutes.io.Json;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A calibration as texts, for a cluster's workers to rebuild it without the driver's files: the spec as resolved
 * (defaults written out; its observed and evidence files renamed to the copies carried here), the scenario with its
 * parents merged in, and the observed and evidence CSVs (null where the spec uses the shipped ones, which every
 * worker's jar holds). Rebuilt, it is checked like a spec file, so a worker scores proposals exactly as the driver.
 *
 * @param spec        the resolved spec's JSON
 * @param scenario    the resolved scenario's JSON
 * @param observedCsv the observed arrivals CSV, or null for the shipped series
 * @param evidenceCsv the evidence CSV, or null for the shipped file (or no evidence section)
 */
public record CalibrationTexts(String spec, String scenario, String observedCsv, String evidenceCsv)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The names the carried CSVs take beside the rebuilt spec. */
    static final String OBSERVED_FILE = "observed.csv";
    static final String EVIDENCE_FILE = "evidence.csv";

    /** The texts of a resolved calibration, read from its files now. */
    public static CalibrationTexts of(CalibrationSpecReader.ResolvedCalibration resolved) throws IOException {
        CalibrationSpec cs = resolved.spec();
        ObjectNode tree = (ObjectNode) Json.mapper().valueToTree(cs);
        String observed = null;
        if (cs.observed() != null) {
            observed = Files.readString(CalibrationSpecReader.besideSpec(resolved.specFile(), cs.observed()),
                    StandardCharsets.UTF_8);
            tree.put("observed", OBSERVED_FILE);
        }
        String evidence = null;
        if (cs.evidence() != null && cs.evidence().file() != null) {
            evidence = Files.readString(CalibrationSpecReader.besideSpec(resolved.specFile(), cs.evidence().file()),
                    StandardCharsets.UTF_8);
            ((ObjectNode) tree.get("evidence")).put("file", EVIDENCE_FILE);
        }
        return new CalibrationTexts(Json.mapper().writeValueAsString(tree),
                Json.mapper().writeValueAsString(resolved.scenario()), observed, evidence);
    }

    /** A checksum of the four texts: the same calibration gives the same one, on any machine. */
    public String sha256() {
        StringBuilder all = new StringBuilder();
        for (String text : new String[] {spec, scenario, observedCsv, evidenceCsv}) {
            // Each text with its length first, so that no two different quadruples join into the same string.
            all.append(text == null ? -1 : text.length()).append(':').append(text == null ? "" : text);
        }
        return Digests.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The calibration again, from the texts written to a temporary folder (deleted before returning). */
    public CalibrationSpecReader.ResolvedCalibration resolve() throws IOException, InvalidCalibrationSpecException {
        Path dir = Files.createTempDirectory("escape-routes-calibration-");
        try {
            Path specFile = Files.writeString(dir.resolve("calibration-spec.json"), spec, StandardCharsets.UTF_8);
            Path scenarioFile = Files.writeString(dir.resolve("scenario.resolved.json"), scenario,
                    StandardCharsets.UTF_8);
            if (observedCsv != null) {
                Files.writeString(dir.resolve(OBSERVED_FILE), observedCsv, StandardCharsets.UTF_8);
            }
            if (evidenceCsv != null) {
                Files.writeString(dir.resolve(EVIDENCE_FILE), evidenceCsv, StandardCharsets.UTF_8);
            }
            return new CalibrationSpecReader().resolve(specFile, scenarioFile);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
