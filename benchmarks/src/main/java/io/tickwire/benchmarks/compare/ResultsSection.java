package io.tickwire.benchmarks.compare;

import io.tickwire.benchmarks.MarkedSection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The markdown section of benchmarks/RESULTS.md that {@code bench compare} owns, between {@link #BEGIN} and
 * {@link #END}: the ratio table (Tickwire / peer), the clients each server sustains, and every figure
 * measured. Each run replaces the section and leaves the rest of the file alone (the hand-written reading
 * of the figures goes after it).
 */
final class ResultsSection {
    static final MarkedSection SECTION = MarkedSection.named("bench compare");
    static final String BEGIN = SECTION.begin();
    static final String END = SECTION.end();
    /** Issue 11's CPU targets: Tickwire's CPU per message at most this share of the peer's. */
    static final double CPU_TARGET_VS_NODE = 0.2;
    static final double CPU_TARGET_VS_NETTY_SOCKETIO = 0.5;

    private ResultsSection() {
    }

    /** Replaces the section in {@code file} (appends it if absent; creates the file if missing). */
    static void write(Path file, String section) throws IOException {
        SECTION.writeTo(file, section);
    }

    /** The section's markdown, markers included. */
    static String render(ComparePlan plan, List<Measurement> all, String header) {
        StringBuilder md = new StringBuilder();
        md.append("## Side by side with peer servers (`./run bench compare`)\n\n");
        md.append(header).append("\n\n");
        md.append("### Ratios, Tickwire / peer (below 1: Tickwire uses less or is faster)\n\n");
        md.append("| clients | room | parser | peer | CPU per message | heap per conn. | RSS per conn. | p99 latency | CPU target |\n");
        md.append("| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (Measurement ours : all) {
            if (!ours.contender().isTickwire()) {
                continue;
            }
            for (Contender peer : Contender.peersOf(ours.contender())) {
                Optional<Measurement> theirs = find(all, peer, ours.clients(), ours.roomSize());
                if (theirs.isEmpty()) {
                    continue;
                }
                Measurement p = theirs.get();
                double cpu = ours.cpuMicrosPerMessage() / p.cpuMicrosPerMessage();
                double target = peer == Contender.NETTY_SOCKETIO_JSON ? CPU_TARGET_VS_NETTY_SOCKETIO : CPU_TARGET_VS_NODE;
                md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                        ours.clients(), ours.roomSize(), ours.contender().parser(), peer.server(), ratio(cpu),
                        ratio(ours.heapPerConnection() / p.heapPerConnection()),
                        ratio(ours.rssPerConnection() / p.rssPerConnection()), ratio(ours.p99() / p.p99()),
                        Double.isNaN(cpu) ? "–" : String.format(Locale.ROOT, "≤ %.1f %s", target, cpu <= target ? "✔" : "✘")));
            }
        }
        md.append("\n### Clients sustained (every client connected, p99 < 50 ms, ≥ 99% of states delivered)\n\n");
        md.append("| server |");
        plan.roomSizes().forEach(r -> md.append(" rooms of ").append(r).append(" |"));
        md.append("\n| --- |");
        plan.roomSizes().forEach(r -> md.append(" ---: |"));
        md.append('\n');
        for (Contender c : plan.contenders()) {
            md.append("| ").append(c.label()).append(" |");
            for (int room : plan.roomSizes()) {
                md.append(' ').append(sustainedText(all, c, room, plan.clients())).append(" |");
            }
            md.append('\n');
        }
        md.append("\n### Measured\n\n");
        md.append("| server | clients | room | CPU µs/msg | msg/s | heap B/conn. | RSS B/conn. | p50 ms | p99 ms | p99.9 ms | delivered | note |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Measurement m : all) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    m.contender().label(), m.clients(), m.roomSize(), fixed(m.cpuMicrosPerMessage(), 1),
                    m.ok() ? String.format(Locale.ROOT, "%.0f", m.statesPerSecond()) : "–",
                    fixed(m.heapPerConnection(), 0), fixed(m.rssPerConnection(), 0), fixed(m.p50(), 1),
                    fixed(m.p99(), 1), fixed(m.p999(), 1),
                    m.ok() ? String.format(Locale.ROOT, "%.1f%%", m.delivered() * 100) : "–", m.note()));
        }
        return SECTION.wrap(md.toString());
    }

    /** The largest client count sustained, with "≥" when every size was sustained, or "< smallest". */
    static String sustainedText(List<Measurement> all, Contender c, int room, List<Integer> sizes) {
        int best = 0;
        boolean any = false;
        for (int clients : sizes) {
            Optional<Measurement> m = find(all, c, clients, room);
            if (m.isPresent() && m.get().ok()) {
                any = true;
                if (m.get().sustained()) {
                    best = clients;
                }
            }
        }
        if (!any) {
            return "–";
        }
        if (best == 0) {
            return "< " + sizes.get(0);
        }
        return (best == sizes.get(sizes.size() - 1) ? "≥ " : "") + String.format(Locale.ROOT, "%,d", best);
    }

    private static Optional<Measurement> find(List<Measurement> all, Contender c, int clients, int room) {
        return all.stream().filter(m -> m.contender() == c && m.clients() == clients && m.roomSize() == room && m.ok())
                .findFirst();
    }

    private static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "–" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
