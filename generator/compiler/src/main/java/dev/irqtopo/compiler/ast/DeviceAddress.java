package dev.irqtopo.compiler.ast;

import java.util.Objects;

/** How a device is told apart on its bus: its own requester id, or its parent's plus a PASID. */
public sealed interface DeviceAddress {

    /** A PCI function with its own requester id. */
    record Function(Rid rid) implements DeviceAddress {
        public Function {
            Objects.requireNonNull(rid);
        }
    }

    /** {@code of PARENT pasid N}: a Scalable-IOV assignable interface of PARENT. */
    record SubDevice(Name parent, Num pasid) implements DeviceAddress {
        public SubDevice {
            Objects.requireNonNull(parent);
            Objects.requireNonNull(pasid);
        }
    }
}
