package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.HypervisorKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code hypervisor kvm|hyperv|xen { … }}. */
public record HypervisorBlock(Pos at, HypervisorKind kind, List<HypervisorProp> props) implements PlatformItem {

    public HypervisorBlock {
        Objects.requireNonNull(at);
        Objects.requireNonNull(kind);
        props = List.copyOf(props);
    }

    /** The first property of a type, the one that counts when it is repeated. */
    public <T extends HypervisorProp> Optional<T> prop(Class<T> type) {
        return props.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
