package dev.irqtopo.compiler.emit;

import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.model.BusDomainKind;

/**
 * One bus domain as a kernel's typed class exposes it: its stack, and a raw-write method only when the
 * kernel is a guest that can store into that storage without the hypervisor trapping the store.
 */
record DomainAccess(BusDomainKind busDomain, boolean writable) {

    /** The accessor, {@code msix()}. */
    String accessor() {
        return Naming.accessorName(busDomain.keyword());
    }

    /** The part this domain contributes to a shape's class name: {@code Msix} or {@code WritableIms}. */
    String namePart() {
        String kind = Naming.className(busDomain.keyword());
        return writable ? Naming.className("writable") + kind : kind;
    }
}
