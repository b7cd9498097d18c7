package dev.irqtopo.compiler.ast;

import java.util.List;

/** A line of a {@code guest} block. */
public sealed interface GuestItem permits GuestItem.Cpus, GuestItem.Assign, StackDecl, KernelDecl {

    Pos at();

    /** {@code cpus N;} */
    record Cpus(Pos at, Num count) implements GuestItem, Property {
        @Override
        public String keyword() {
            return "cpus";
        }
    }

    /** {@code assign DEVICE, …;}: may repeat, the lists accumulate. */
    record Assign(Pos at, List<Name> devices) implements GuestItem {
        public Assign {
            devices = List.copyOf(devices);
        }
    }
}
