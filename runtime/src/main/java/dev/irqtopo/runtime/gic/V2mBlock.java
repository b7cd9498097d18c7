package dev.irqtopo.runtime.gic;

import dev.irqtopo.model.arm.V2mFrameModel;
import dev.irqtopo.runtime.message.Message;

/** SPIs {@code firstSpi .. firstSpi+count-1} of one GICv2m frame, handed to one MSI allocation. */
public record V2mBlock(V2mFrameModel frame, int firstSpi, int count) {

    /**
     * {@code gicv2m_compose_msi_msg}: address = the frame's MSI_SETSPI_NS, data = the SPI number
     * (the Graviton address-only and SPI-offset quirks are not modelled).
     */
    public Message compose(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("message " + index + " of " + count);
        }
        return Message.of(frame.doorbell(), firstSpi + index);
    }
}
