package dev.irqtopo.runtime.remap;

import java.util.Objects;

/** Where a posted VT-d entry delivers: a guest's vCPU and guest vector, without the host's handler. */
public record PostedTarget(String guest, int vcpu, int vector) {

    public PostedTarget {
        Objects.requireNonNull(guest);
        if (vcpu < 0) {
            throw new IllegalArgumentException("vCPU " + vcpu);
        }
        if (vector < 0 || vector > 0xFF) {
            throw new IllegalArgumentException("vector " + vector);
        }
    }
}
