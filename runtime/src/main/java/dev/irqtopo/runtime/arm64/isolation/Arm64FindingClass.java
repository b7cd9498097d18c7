package dev.irqtopo.runtime.arm64.isolation;

/** Why a guest's write reached another owner's interrupt on an arm64 platform. */
public enum Arm64FindingClass {
    /**
     * Through the device's own ITS: the DeviceID its writes present is also another owner's device, so
     * the ITT the ITS looks up holds the victim's events (an msi-map whose mask or rows fold requester
     * ids together, a PCIe-to-PCI bridge's alias, a sub-device's parent). The ITS isolates DeviceIDs, not
     * functions.
     */
    SHARED_DEVICE_ID("shared-device-id"),
    /** Through a GICv2m frame: it reads no identity, so any writer of its doorbell raises any of its SPIs. */
    NO_DEVICE_IDENTITY("no-device-identity"),
    /**
     * Through another ITS than the device's own, whose doorbell no SMMU keeps it from writing: that ITS
     * maps the DeviceID the device presents there to another owner's device.
     */
    FOREIGN_ITS("foreign-its");

    private final String keyword;

    Arm64FindingClass(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
