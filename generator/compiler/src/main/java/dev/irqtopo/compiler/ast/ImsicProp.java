package dev.irqtopo.compiler.ast;

/** A property of the {@code imsic} block. */
public sealed interface ImsicProp extends Property {

    /** The number the property gives. */
    Num value();

    /** {@code identities N;}: the identities of each machine and supervisor file. */
    record Identities(Pos at, Num value) implements ImsicProp {
        @Override
        public String keyword() {
            return "identities";
        }
    }

    /** {@code guest_identities N;}: the identities of each guest file, as {@code identities} without it. */
    record GuestIdentities(Pos at, Num value) implements ImsicProp {
        @Override
        public String keyword() {
            return "guest_identities";
        }
    }

    /** {@code guest_files N;}: how many guest interrupt files each hart has (GEILEN). */
    record GuestFiles(Pos at, Num value) implements ImsicProp {
        @Override
        public String keyword() {
            return "guest_files";
        }
    }

    /** {@code m_base A;}: the address of hart 0's machine-level file. */
    record MBase(Pos at, Num value) implements ImsicProp {
        @Override
        public String keyword() {
            return "m_base";
        }
    }

    /** {@code s_base A;}: the address of hart 0's supervisor-level file, its guest files after it. */
    record SBase(Pos at, Num value) implements ImsicProp {
        @Override
        public String keyword() {
            return "s_base";
        }
    }
}
