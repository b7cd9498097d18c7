package dev.irqtopo.model;

/**
 * What every architecture's stack declaration of an arm64 or riscv64 platform says alike: the device
 * whose storage it fills, that storage, and how many interrupts its driver allocates at probe time.
 */
public interface StackDeclaration {

    String device();

    StorageKind storage();

    int alloc();

    default BusDomainKind busDomain() {
        return storage().busDomain();
    }
}
