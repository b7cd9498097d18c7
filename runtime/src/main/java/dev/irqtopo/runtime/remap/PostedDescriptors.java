package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.CpuModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the posted-interrupt descriptors lie that posted VT-d entries point to. The engine does not
 * model host memory, so their addresses follow one deterministic rule: guest number {@code k} (from 0,
 * in declaration order) has an array of 64-byte descriptors, one per vCPU, at
 * {@code BASE + k * GUEST_STRIDE}, and vCPU {@code v}'s descriptor is at {@code v * 64} in it. The base
 * lies above 4 GiB, so both halves of the address (the entry's PDAH and PDAL fields) carry bits.
 */
public final class PostedDescriptors {

    /** The first guest's array: 4 GiB. */
    public static final long BASE = 0x1_0000_0000L;
    /** A descriptor's size and alignment, as the VT-d specification requires it. */
    public static final int DESCRIPTOR_SIZE = 64;
    /** From one guest's array to the next: room for the most vCPUs a guest may have. */
    public static final long GUEST_STRIDE = (long) CpuModel.MAX_CPUS * DESCRIPTOR_SIZE;

    private final Map<String, Integer> numbers = new HashMap<>();

    private PostedDescriptors(List<String> guests) {
        for (String guest : guests) {
            if (numbers.putIfAbsent(Objects.requireNonNull(guest), numbers.size()) != null) {
                throw new IllegalArgumentException("guest " + guest + " named twice");
            }
        }
    }

    /** The descriptor arrays of {@code guests}, numbered in the order given (the platform's declaration order). */
    public static PostedDescriptors of(List<String> guests) {
        return new PostedDescriptors(guests);
    }

    /** The address of the descriptor of {@code target}'s vCPU; 64-byte aligned. */
    public long address(PostedTarget target) {
        Integer number = numbers.get(target.guest());
        if (number == null) {
            throw new IllegalArgumentException("no guest " + target.guest() + " has posted descriptors");
        }
        if (target.vcpu() >= CpuModel.MAX_CPUS) {
            throw new IllegalArgumentException("vCPU " + target.vcpu() + " beyond a guest's " + CpuModel.MAX_CPUS);
        }
        return BASE + number * GUEST_STRIDE + (long) target.vcpu() * DESCRIPTOR_SIZE;
    }
}
