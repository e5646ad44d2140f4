package io.tickwire.loadtest;

import picocli.CommandLine;

import java.util.Locale;

/** Reads durations as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h} into milliseconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unitMs;
        String number;
        if (t.endsWith("ms")) {
            unitMs = 1;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unitMs = 1000;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unitMs = 60_000;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unitMs = 3_600_000;
            number = t.substring(0, t.length() - 1);
        } else {
            unitMs = 1000;
            number = t;
        }
        try {
            return Math.round(Double.parseDouble(number) * unitMs);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("not a duration (e.g. 500ms, 30s, 2m): " + text);
        }
    }
}
