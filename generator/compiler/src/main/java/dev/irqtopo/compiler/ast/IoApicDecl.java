package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ioapic NAME RID { pins P, …; }} at platform level: the I/O APIC, with the requester id its
 * writes carry (absent when not written, which the checker reports) and its {@code pins} lines in source
 * order (a second one is the checker's to report).
 */
public record IoApicDecl(Pos at, Name name, Optional<Rid> rid, List<PinsDecl> pins) implements PlatformItem {

    public IoApicDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        Objects.requireNonNull(rid);
        pins = List.copyOf(pins);
    }

    /** Every pin of every {@code pins} line, in source order. */
    public List<Num> allPins() {
        return pins.stream().flatMap(p -> p.pins().stream()).toList();
    }

    /** {@code pins P, P, …;}: the legacy pins a driver started, as written. */
    public record PinsDecl(Pos at, List<Num> pins) implements Property {

        public PinsDecl {
            Objects.requireNonNull(at);
            pins = List.copyOf(pins);
        }

        @Override
        public String keyword() {
            return "pins";
        }
    }
}
