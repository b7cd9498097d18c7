package dev.irqtopo.compiler.ast;

/** A property of an {@code its} or {@code v2m} block; the grammar says which goes where. */
public sealed interface GicProp extends Property {

    /** {@code doorbell ADDRESS;}: the address a device writes its message to. */
    record Doorbell(Pos at, Num address) implements GicProp {
        @Override
        public String keyword() {
            return "doorbell";
        }
    }

    /** {@code device_id_bits N;} (its): how many DeviceID bits the ITS takes. */
    record DeviceIdBits(Pos at, Num bits) implements GicProp {
        @Override
        public String keyword() {
            return "device_id_bits";
        }
    }

    /** {@code event_id_bits N;} (its): how many EventID bits the ITS takes. */
    record EventIdBits(Pos at, Num bits) implements GicProp {
        @Override
        public String keyword() {
            return "event_id_bits";
        }
    }

    /** {@code spi_base N;} (v2m): the frame's first SPI. */
    record SpiBase(Pos at, Num spi) implements GicProp {
        @Override
        public String keyword() {
            return "spi_base";
        }
    }

    /** {@code spis N;} (v2m): how many SPIs the frame has. */
    record Spis(Pos at, Num count) implements GicProp {
        @Override
        public String keyword() {
            return "spis";
        }
    }
}
