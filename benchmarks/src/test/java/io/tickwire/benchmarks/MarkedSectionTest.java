package io.tickwire.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A command's section of RESULTS.md is replaced in place, or appended, and nothing else changes. */
class MarkedSectionTest {
    private final MarkedSection section = MarkedSection.named("bench x");

    @Test
    void theSectionIsReplacedInPlaceAndTheTextAroundItKept() {
        String old = "# R\n\nbefore\n" + section.wrap("old") + "\n\n## Reading\nafter\n";

        assertEquals("# R\n\nbefore\n" + section.wrap("new") + "\n\n## Reading\nafter\n",
                section.replaceIn(old, section.wrap("new")));
    }

    @Test
    void theSectionIsAppendedWhenTheFileHasNone() {
        assertEquals("# R\n\n" + section.wrap("x") + "\n", section.replaceIn("# R\n", section.wrap("x")));
    }

    @Test
    void anotherCommandsSectionIsLeftAlone() {
        MarkedSection other = MarkedSection.named("bench y");
        String doc = other.wrap("theirs") + "\n" + section.wrap("ours") + "\n";

        assertEquals(other.wrap("theirs") + "\n" + section.wrap("mine") + "\n", section.replaceIn(doc, section.wrap("mine")));
    }
}
