package dev.irqtopo.runtime.arm64;

/**
 * What one stack asks of its MSI parent domain.
 *
 * @param deviceId the DeviceID the device presents to the ITS (unused by a GICv2m frame)
 * @param prepare  the vectors {@code its_msi_prepare} sizes the ITS device for ({@code PciMsiPrepare})
 * @param proxy    the requester sits behind an aliasing bridge
 * @param count    interrupts to allocate
 * @param block    one multi-message MSI block allocated at once; else one allocation per vector, as
 *                 the MSI-X and IMS domains do
 */
public record MsiRequest(long deviceId, int prepare, boolean proxy, int count, boolean block) {

    public MsiRequest {
        if (count < 1 || prepare < 1) {
            throw new IllegalArgumentException("count " + count + " prepare " + prepare);
        }
    }
}
