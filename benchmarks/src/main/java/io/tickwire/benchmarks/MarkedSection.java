package io.tickwire.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a markdown file owned by a command, between two HTML comment markers: each run replaces it and
 * leaves the rest of the file (hand-written readings of the figures) alone.
 *
 * @param begin the opening marker line, unique in the file
 * @param end   the closing marker line
 */
public record MarkedSection(String begin, String end) {

    /** {@code <!-- name: begin (…) -->} / {@code <!-- name: end -->}. */
    public static MarkedSection named(String name) {
        return new MarkedSection("<!-- " + name + ": begin (written by ./run " + name + ", replaced on each run) -->",
                "<!-- " + name + ": end -->");
    }

    /** {@code body} between the markers. */
    public String wrap(String body) {
        return begin + "\n" + body + (body.endsWith("\n") ? "" : "\n") + end;
    }

    /** {@code document} with this section replaced by {@code section} (markers included), or appended. */
    public String replaceIn(String document, String section) {
        int from = document.indexOf(begin);
        int to = from < 0 ? -1 : document.indexOf(end, from);
        if (from >= 0 && to > from) {
            return document.substring(0, from) + section + document.substring(to + end.length());
        }
        return document + (document.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
    }

    /** Replaces the section in {@code file} (creating the file when missing). */
    public void writeTo(Path file, String section) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmark results\n";
        Files.writeString(file, replaceIn(old, section), StandardCharsets.UTF_8);
    }
}
