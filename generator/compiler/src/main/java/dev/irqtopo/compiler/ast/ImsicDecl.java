package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code imsic { identities N; guest_identities N; guest_files N; m_base A; s_base A; }} (riscv64): the
 * harts' IMSICs, their interrupt files' size and how many guest files each hart has, and where the
 * machine and supervisor files start.
 */
public record ImsicDecl(Pos at, List<ImsicProp> props) implements PlatformItem {

    public ImsicDecl {
        Objects.requireNonNull(at);
        props = List.copyOf(props);
    }

    /** The first property of a type, the one that counts when it is repeated. */
    public <T extends ImsicProp> Optional<T> prop(Class<T> type) {
        return props.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
