package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/** {@code cpu x86 { … }}. */
public record CpuBlock(Pos at, List<CpuProp> props) implements PlatformItem {

    public CpuBlock {
        Objects.requireNonNull(at);
        props = List.copyOf(props);
    }

    public <T extends CpuProp> List<T> props(Class<T> type) {
        return props.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
