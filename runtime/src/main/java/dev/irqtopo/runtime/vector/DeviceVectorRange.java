package dev.irqtopo.runtime.vector;

import dev.irqtopo.model.KernelProfile;

/**
 * The device vectors a kernel's vector matrix hands out: {@code first} up to {@code last} inclusive,
 * except the system-call vector 0x80 (Linux's matrix range from {@code FIRST_EXTERNAL_VECTOR} to below
 * {@code FIRST_SYSTEM_VECTOR}, without the system vectors inside it). Which range a kernel has is its
 * profile's rule.
 */
public record DeviceVectorRange(int first, int last) {

    /** The semantics specification's range, 0x21..0xEB: 202 vectors per CPU. */
    public static final DeviceVectorRange DESIGN = new DeviceVectorRange(0x21, 0xEB);
    /** IA32 system call, never handed to a device. */
    public static final int SYSCALL_VECTOR = 0x80;

    public DeviceVectorRange {
        if (first < 0x20 || last < first || last > 0xFE) {
            throw new IllegalArgumentException("device vectors 0x" + Integer.toHexString(first) + "..0x"
                    + Integer.toHexString(last) + " outside 0x20..0xfe");
        }
    }

    /** The range a kernel of {@code profile} allocates from. */
    public static DeviceVectorRange of(KernelProfile profile) {
        return new DeviceVectorRange(profile.firstDeviceVector(), profile.lastDeviceVector());
    }

    /** Whether the matrix hands {@code vector} to devices. */
    public boolean contains(int vector) {
        return vector >= first && vector <= last && vector != SYSCALL_VECTOR;
    }

    /** How many device vectors each CPU has. */
    public int perCpu() {
        return last - first + 1 - (first <= SYSCALL_VECTOR && SYSCALL_VECTOR <= last ? 1 : 0);
    }
}
