package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A block of the {@code gic} block that receives devices' messages: an ITS or a GICv2m frame. */
public sealed interface MsiControllerDecl {

    /** Where the block's keyword is. */
    Pos at();

    Name name();

    List<GicProp> props();

    /** The word the language writes for this kind: {@code its} or {@code v2m}. */
    String keyword();

    /** The first property of a type, the one that counts when it is repeated. */
    default <T extends GicProp> Optional<T> prop(Class<T> type) {
        return props().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** {@code its NAME { doorbell …; device_id_bits …; event_id_bits …; }} */
    record Its(Pos at, Name name, List<GicProp> props) implements MsiControllerDecl {
        public Its {
            Objects.requireNonNull(at);
            Objects.requireNonNull(name);
            props = List.copyOf(props);
        }

        @Override
        public String keyword() {
            return "its";
        }
    }

    /** {@code v2m NAME { doorbell …; spi_base …; spis …; }} */
    record V2m(Pos at, Name name, List<GicProp> props) implements MsiControllerDecl {
        public V2m {
            Objects.requireNonNull(at);
            Objects.requireNonNull(name);
            props = List.copyOf(props);
        }

        @Override
        public String keyword() {
            return "v2m";
        }
    }
}
