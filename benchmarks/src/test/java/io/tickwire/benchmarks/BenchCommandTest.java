package io.tickwire.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench jmh} writes the JSON result and a summary section (date, machine, JDK, median ± error). */
class BenchCommandTest {

    @Test
    void aJmhRunIsSummarisedInItsOwnSectionOfTheResults(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("RESULTS.md");
        Files.writeString(results, "# Results\n\nhand-written\n");

        int exit = BenchCommand.jmh(new String[] {"EntityIterationBenchmark.arrayOfObjects", "-f", "0", "-wi", "0",
                "-i", "2", "-r", "200ms"}, results, dir.resolve("json"));

        assertEquals(0, exit);
        String md = Files.readString(results);
        assertTrue(md.startsWith("# Results\n\nhand-written\n"), md);
        assertTrue(md.contains(JmhSummary.sectionFor("EntityIterationBenchmark.arrayOfObjects").begin()), md);
        assertTrue(md.contains("JDK " + System.getProperty("java.version")), md);
        String row = md.lines().filter(l -> l.startsWith("| `EntityIterationBenchmark.arrayOfObjects` |")).findFirst()
                .orElseThrow(() -> new AssertionError(md));
        assertTrue(row.matches("\\| `[^`]+` \\| [^|]* \\| avgt \\| [0-9.,]+ \\| [0-9.,–]+ \\| [0-9.,]+ \\| .*"), row);
        try (var json = Files.list(dir.resolve("json"))) {
            assertEquals(1, json.filter(p -> p.toString().endsWith(".json")).count());
        }
    }
}
