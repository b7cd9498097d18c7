package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.IommuKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code iommu vtd NAME { … }} or {@code iommu amdvi NAME { … }}. */
public record IommuDecl(Pos at, IommuKind kind, Name name, List<IommuProp> props) implements PlatformItem {

    public IommuDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        props = List.copyOf(props);
    }

    /** The first property of a type, the one that counts when it is repeated. */
    public <T extends IommuProp> Optional<T> prop(Class<T> type) {
        return props.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
