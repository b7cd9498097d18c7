/**
 * Use, the fourth step: what the hardware does with a message a device emits. The
 * {@link dev.irqtopo.runtime.delivery.Router} follows it through the interrupt range, the remapping
 * unit that sees the device, the CPUs' interrupt logic and the owner of the vector, to exactly one
 * {@link dev.irqtopo.runtime.delivery.Delivery}, with a {@link dev.irqtopo.runtime.delivery.Trace} of its
 * steps on request. {@link dev.irqtopo.runtime.delivery.ReachIndex} condenses, for the isolation
 * analysis, everything any message of a device can reach, per {@link dev.irqtopo.runtime.delivery.Victims
 * victim}. Reads only: it never changes a domain, and the platform validates unlocked reads by its lock's
 * stamp.
 */
package dev.irqtopo.runtime.delivery;
