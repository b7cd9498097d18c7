package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.Architecture;

import java.util.List;
import java.util.Objects;

/** {@code cpu x86 { … }} or {@code cpu arm64 { … }}. */
public record CpuBlock(Pos at, Word<Architecture> arch, List<CpuProp> props) implements PlatformItem {

    public CpuBlock {
        Objects.requireNonNull(at);
        Objects.requireNonNull(arch);
        props = List.copyOf(props);
    }

    /** An x86 block whose keyword {@code x86} is not where it stands (for tests that build blocks by hand). */
    public CpuBlock(Pos at, List<CpuProp> props) {
        this(at, new Word<>(Architecture.X86, at), props);
    }

    public <T extends CpuProp> List<T> props(Class<T> type) {
        return props.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
