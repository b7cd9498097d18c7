package dev.irqtopo.model;

import java.util.Objects;

/**
 * One of a device's message storages.
 *
 * @param size      MSI: messages (a power of two, 1..32); MSI-X: table entries; IMS: slots
 * @param maskable  MSI only: per-vector masking
 */
public record StorageModel(StorageKind kind, int size, boolean maskable) {

    public StorageModel {
        Objects.requireNonNull(kind);
        int max = switch (kind) {
            case MSI -> 32;
            case MSIX -> 2048;
            case IMS_DEVICE, IMS_QUEUE -> 65536;
        };
        if (size < 1 || size > max || (kind == StorageKind.MSI && Integer.bitCount(size) != 1)) {
            throw new IllegalArgumentException(kind.keyword() + " " + size + " out of range");
        }
        if (maskable && kind != StorageKind.MSI) {
            throw new IllegalArgumentException("only msi storage is declared maskable");
        }
    }

    public static StorageModel of(StorageKind kind, int size) {
        return new StorageModel(kind, size, false);
    }
}
