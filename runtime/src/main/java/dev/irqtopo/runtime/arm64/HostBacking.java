package dev.irqtopo.runtime.arm64;

import java.util.Objects;

/**
 * The host interrupt KVM's VMM (through VFIO) allocates for a guest vector whose store it traps: its
 * message goes into the physical slot; when it fires, the host's handler signals KVM, which injects
 * the guest's message through the guest's virtual ITS ({@code vgic_its_inject_msi}). With {@code vlpi}
 * the GICv4 ITS delivers the guest's LPI to the vCPU itself ({@code its_map_vlpi}: VMAPTI in place of
 * the physical entry), and no host handler runs.
 */
public record HostBacking(ArmVector host, boolean vlpi) {

    public HostBacking {
        Objects.requireNonNull(host);
    }
}
