package dev.irqtopo.runtime.bus;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.message.Message;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One message storage of a device, as the hardware holds it: MSI capability registers (one
 * address/data for the whole block, the device puts the message number in data's low bits), an MSI-X
 * table, or IMS slots in device or queue memory. Slots start masked and never written; a slot never
 * written, or masked, sends nothing.
 *
 * <p>A plain data structure: not thread-safe, its users serialize changes. Every change returns its
 * inverse, for the request that made it to record.
 */
public final class Storage {

    private final String device;
    private final StorageModel model;
    private final long[] address;
    private final int[] data;
    private final boolean[] written;
    private final boolean[] masked;
    /** MSI only: how many messages the capability has enabled (a power of two, 0 while disabled). */
    private int enabled;

    public Storage(String device, StorageModel model) {
        this.device = Objects.requireNonNull(device);
        this.model = Objects.requireNonNull(model);
        int size = model.size();
        this.address = new long[size];
        this.data = new int[size];
        this.written = new boolean[size];
        this.masked = new boolean[size];
        Arrays.fill(masked, true);
    }

    /** The device's name. */
    public String device() {
        return device;
    }

    public StorageKind kind() {
        return model.kind();
    }

    public BusDomainKind busDomain() {
        return model.kind().busDomain();
    }

    /** Slots: MSI messages, MSI-X entries or IMS slots. */
    public int size() {
        return model.size();
    }

    public boolean isMsi() {
        return model.kind() == StorageKind.MSI;
    }

    /** MSI: the messages the capability enables (Multiple Message Enable), 0 while disabled. */
    public int enabled() {
        return enabled;
    }

    /**
     * Writes a message and unmasks the slot. For MSI the message goes to the capability's one
     * address/data pair, and at least one message is enabled.
     *
     * @return what puts back the storage as it was
     */
    public Runnable write(int slot, Message message) {
        int register = isMsi() ? 0 : slot;
        long previousAddress = address[register];
        int previousData = data[register];
        boolean previousWritten = written[register];
        boolean previousMasked = masked[slot];
        int previousEnabled = enabled;
        address[register] = message.address();
        data[register] = message.data();
        written[register] = true;
        masked[slot] = false;
        if (isMsi()) {
            enabled = Math.max(enabled, 1);
        }
        return () -> {
            address[register] = previousAddress;
            data[register] = previousData;
            written[register] = previousWritten;
            masked[slot] = previousMasked;
            enabled = previousEnabled;
        };
    }

    /**
     * MSI: enables {@code messages} rounded up to a power of two (a count that is not one enables the
     * next, of which the device uses the first {@code messages}) and unmasks them.
     *
     * @return what puts back the capability as it was
     */
    public Runnable enableMsi(int messages) {
        int count = messages == 1 ? 1 : Integer.highestOneBit(messages - 1) << 1;
        int previousEnabled = enabled;
        boolean[] previousMasked = masked.clone();
        enabled = count;
        Arrays.fill(masked, 0, count, false);
        return () -> {
            enabled = previousEnabled;
            System.arraycopy(previousMasked, 0, masked, 0, masked.length);
        };
    }

    /** Whether the device would emit something for {@code slot} if it were unmasked. */
    public boolean holds(int slot) {
        return isMsi() ? written[0] && slot < enabled : written[slot];
    }

    /** Whether firing {@code slot} sends a message: written and unmasked. */
    public boolean sends(int slot) {
        return holds(slot) && !masked[slot];
    }

    public boolean isMasked(int slot) {
        return masked[slot];
    }

    /** The address the device emits for {@code slot}. */
    public long emittedAddress(int slot) {
        return address[isMsi() ? 0 : slot];
    }

    /** The data the device emits for {@code slot}: for MSI message {@code slot} of the block enabled. */
    public int emittedData(int slot) {
        return isMsi() ? Message.multiMessageData(data[0], enabled, slot) : data[slot];
    }

    /** The message the device emits for {@code slot} if it fired it unmasked; empty when never written. */
    public Optional<Message> emitted(int slot) {
        return holds(slot) ? Optional.of(Message.of(emittedAddress(slot), emittedData(slot))) : Optional.empty();
    }

    /** What the registers of {@code slot} hold, when written (for MSI only slot 0 has registers). */
    public Optional<Message> register(int slot) {
        return written[slot] ? Optional.of(Message.of(address[slot], data[slot])) : Optional.empty();
    }
}
