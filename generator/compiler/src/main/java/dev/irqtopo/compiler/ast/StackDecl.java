package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.BusDomainKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code stack DEVICE.BUS: link -> … alloc N;}
 *
 * @param at      the word {@code stack}
 * @param end     the closing {@code ;}: every token of the stack lies between {@code at} and {@code end}
 */
public record StackDecl(Pos at, Name device, Word<BusDomainKind> busDomain, List<Link> chain, Optional<Num> alloc,
        Pos end) implements GuestItem {

    public StackDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(device);
        Objects.requireNonNull(busDomain);
        chain = List.copyOf(chain);
        Objects.requireNonNull(alloc);
        Objects.requireNonNull(end);
    }

    /** Whether a position lies within this stack's text. */
    public boolean contains(Pos pos) {
        return pos.within(at, end);
    }

    public Optional<Link.Remap> remap() {
        return chain.stream().filter(Link.Remap.class::isInstance).map(Link.Remap.class::cast).findFirst();
    }

    public Optional<Link.Hcall> hcall() {
        return chain.stream().filter(Link.Hcall.class::isInstance).map(Link.Hcall.class::cast).findFirst();
    }
}
