package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.BusDomainKind;

/**
 * One bus domain as a kernel's typed class exposes it: its stack, and a raw-write method only when the
 * kernel is a guest that can store into that storage without the hypervisor trapping the store.
 */
public record DomainAccess(BusDomainKind busDomain, boolean writable) {

    /** The accessor, {@code msix()}. */
    public String accessor() {
        return Naming.accessorName(busDomain.keyword());
    }

    /** The part this domain contributes to a shape's class name: {@code Msix} or {@code WritableIms}. */
    public String namePart() {
        String kind = Naming.className(busDomain.keyword());
        return writable ? Naming.className("writable") + kind : kind;
    }
}
