package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import escaperoutes.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one index of a scenario's ids that defaults, validator and compiler share. */
class ScenarioIdsTest {
    @TempDir
    Path dir;

    private Scenario small() throws Exception {
        return new ScenarioReader().read(Files.writeString(dir.resolve("small.json"),
                ScenarioReaderTest.SMALL_SCENARIO));
    }

    @Test
    void placesCountriesAndSegmentsAreNumberedAsTheModelNumbersThem() throws Exception {
        ScenarioIds ids = ScenarioIds.of(small());
        assertEquals(List.of("north_hamgyong", "pyongyang", "musan", "yanbian", "beijing", "south_korea"),
                List.copyOf(ids.places().keySet()));
        assertEquals(3, ids.places().get("yanbian"), "the provinces come first");
        assertEquals(List.of("north_korea", "china", "south_korea"), List.copyOf(ids.countries().keySet()));
        // Provinces', places' (musan's is its country's), China's detention segment, then the legs' own.
        assertEquals(List.of("nk_border", "north_korea", "china_life", "china", "south_korea", "repatriation",
                "china_direct"), List.copyOf(ids.segments().keySet()));
        assertEquals(List.of("yanbian"), List.copyOf(ids.hidingPlaces()));
        assertEquals("china", ids.countryOf("beijing"));
        assertFalse(ids.places().containsKey("hanoi"));

        ModelConfig config = ScenarioCompiler.compile(small());
        assertEquals(List.copyOf(ids.segments().keySet()), config.segments());
        assertEquals(List.copyOf(ids.countries().keySet()), config.countries());
        assertEquals(ids.segments().get("china_direct"), config.legs().get(4).segment());
    }

    @Test
    void segmentsLeftOutAreThePlaceCountrysAndTheStartingPlaces() throws Exception {
        Scenario s = small();
        ScenarioIds ids = ScenarioIds.of(s);
        assertEquals("nk_border", ids.legSegment(0), "north_hamgyong → musan starts in a province");
        assertEquals("north_korea", ids.legSegment(2), "musan → yanbian starts at musan, in north_korea");
        assertEquals("china_life", ids.legSegment(3));
        assertEquals("china_direct", ids.legSegment(4), "given in the file");
        assertEquals("north_korea", s.legs().get(2).segment(), "written out by the defaults");
        assertEquals("china", s.places().get(2).segment());
    }
}
