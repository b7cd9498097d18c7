package dev.irqtopo.model;

import java.util.List;
import java.util.Optional;

/**
 * One platform of an {@code .irqtopo} file, checked and resolved, whatever its CPU side: what the bus
 * side and the verdict share. The CPU side is the record's own: {@link PlatformModel} for x86,
 * {@link Arm64PlatformModel} for arm64, {@link RiscvPlatformModel} for riscv64.
 */
public sealed interface PlatformDesign permits PlatformModel, Arm64PlatformModel, RiscvPlatformModel {

    Architecture architecture();

    /** The package of the generated code, {@code ""} when neither the file nor the build gives one. */
    String javaPackage();

    String name();

    /** The platform's description string, {@code ""} when absent. */
    String description();

    List<BusModel> buses();

    /** The verdict the platform's {@code expect} line asks for. */
    Optional<ExpectedVerdict> expect();

    /** The verdict {@code verify} must find: the {@code expect} line's, else isolated. */
    default ExpectedVerdict expectedVerdict() {
        return expect().orElse(ExpectedVerdict.ISOLATED);
    }

    /** Every device, in declaration order of the bus blocks and within them. */
    default List<DeviceModel> devices() {
        return buses().stream().flatMap(b -> b.devices().stream()).toList();
    }

    default Optional<DeviceModel> device(String name) {
        return devices().stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
