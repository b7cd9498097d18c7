/**
 * The interrupt engine: a running platform built from a checked {@link dev.irqtopo.model.PlatformModel}.
 *
 * <p>{@link dev.irqtopo.runtime.Platform#create} builds the kernels (the host, each guest), their
 * domain stacks, the remap domains and the devices; {@link dev.irqtopo.runtime.Platform#boot}
 * performs the declared allocations in boot order. Kernel-like operations return Linux errno values
 * ({@link dev.irqtopo.runtime.Stack#allocate}, {@link dev.irqtopo.runtime.Stack#free},
 * {@link dev.irqtopo.runtime.Kernel#write}); misuse of the API (unknown names on the hardware side,
 * slots out of range, booting twice) throws. Handles (kernels, stacks, storages) are obtained from
 * their platform and act only on it, so no call can mix two platforms.
 *
 * <p>Choices where the specification leaves room:
 * <ul>
 *   <li>Host-side allocations made for a guest, by trap or by hypercall, take a host irq number too:
 *       the host's forwarding handler that injects the guest vector, as VFIO's interrupt handler does.</li>
 *   <li>A raw write by a guest into a storage its hypervisor traps is EPERM: a trapped store is
 *       translated, which happens through the guest stack's Store step only.</li>
 *   <li>Freeing an interrupt undoes its allocation on every level and returns its slot to the state
 *       before the allocation; multi-message MSI is freed as a block.</li>
 *   <li>A multi-message MSI device puts the message number into data's low bits (as PCI devices do);
 *       with the aligned data the engine composes this equals adding it.</li>
 *   <li>A second MSI allocation on a device whose MSI is in use is EBUSY; MSI counts that are not a
 *       power of two are EINVAL; more interrupts than free slots is ENOSPC.</li>
 * </ul>
 */
package dev.irqtopo.runtime;
