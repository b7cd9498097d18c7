/**
 * The interrupt engine: a running platform built from a checked {@link dev.irqtopo.model.PlatformModel}.
 * This package is its API; the engine lies in a package per boundary of the interrupt path, each
 * depending only on those before it in this list:
 * <ol>
 *   <li>{@code message} &mdash; the values every boundary exchanges; all address and data bits are
 *       decoded in {@link dev.irqtopo.runtime.message.Message}.</li>
 *   <li>{@code vector} &mdash; each kernel's x86 vector domain: CPUs, vector matrix, irq numbers, owners,
 *       compatibility compose.</li>
 *   <li>{@code remap} &mdash; VT-d and AMD-Vi remap domains: entries, their checks, fault reasons.</li>
 *   <li>{@code bus} &mdash; devices and their message storages, architecture agnostic.</li>
 *   <li>{@code hypervisor} &mdash; what the hypervisor decodes, answers and forwards.</li>
 *   <li>{@code stack} &mdash; domain stacks: the sealed domain type, the chain, Alloc, Compose and Store,
 *       rollback.</li>
 *   <li>{@code delivery} &mdash; Use: where an emitted message ends, and what a device can reach.</li>
 *   <li>this package &mdash; {@link dev.irqtopo.runtime.Platform}, which builds the parts and wires each
 *       to those it talks to, and the handles and values of the API; then {@code isolation} and
 *       {@code sim} on top, and {@code diff}, which compares what they report of two designs, over
 *       them.</li>
 * </ol>
 * A test holds the layering, and no package has a cycle.
 *
 * <p>{@link dev.irqtopo.runtime.Platform#create} builds the kernels (the host, each guest), their
 * domain stacks, the remap domains and the devices; {@link dev.irqtopo.runtime.Platform#boot}
 * performs the declared allocations in boot order. Kernel-like operations return Linux errno values
 * ({@link dev.irqtopo.runtime.Stack#allocate}, {@link dev.irqtopo.runtime.Stack#free},
 * {@link dev.irqtopo.runtime.Kernel#write}); misuse of the API (unknown names on the hardware side,
 * slots out of range, booting twice) throws. Handles (kernels, stacks, storages) are obtained from
 * their platform and act only on it, so no call can mix two platforms.
 *
 * <p><b>Threads.</b> A platform may be used from any number of threads at once:
 * <ul>
 *   <li><em>Changes</em> &mdash; {@link dev.irqtopo.runtime.Platform#boot},
 *       {@link dev.irqtopo.runtime.Stack#allocate}, {@link dev.irqtopo.runtime.Stack#free} and
 *       {@link dev.irqtopo.runtime.Kernel#write} &mdash; run one at a time under the platform's one lock,
 *       a whole request at a time: its every level, the host side of a guest interrupt, and on failure
 *       its rollback. No other thread ever sees a request half done, nor one that failed.</li>
 *   <li><em>Queries</em> &mdash; {@link dev.irqtopo.runtime.Platform#snapshot},
 *       {@link dev.irqtopo.runtime.Kernel#interrupts}, {@link dev.irqtopo.runtime.Stack#interrupts},
 *       {@link dev.irqtopo.runtime.Stack#hostInterrupt},
 *       {@link dev.irqtopo.runtime.DeviceStorage#read} and the {@link dev.irqtopo.runtime.Hardware}
 *       queries other than firing &mdash; share the lock and each sees the state between two changes.
 *       Separate queries may see different states; the isolation analysis, which makes many, is
 *       meant for a platform that no other thread changes meanwhile (as {@code verify} does).</li>
 *   <li><em>Firing</em> &mdash; {@link dev.irqtopo.runtime.DeviceStorage#fire} and
 *       {@link dev.irqtopo.runtime.Hardware#fire} &mdash; takes no lock and never delays a change. Its
 *       result is the delivery in the platform's state at one moment during the call: the message
 *       the slot held then, routed through that moment's remap entries and vector owners, never a
 *       mix of the states before and after a change. So a slot that a concurrent request allocates
 *       fires as before the request ({@code not_sent} for a slot never used) or as its new interrupt
 *       (delivered to it), and a slot being freed fires as its old interrupt or as after the free
 *       ({@code not_sent}). Firing a slot again while nothing changes returns the same shared value
 *       and allocates nothing; after a change the first fire of each slot routes its message again,
 *       and one that overlaps a change retries until it has read a state no change interrupted.</li>
 *   <li>Names, models, kernels' CPUs and the list of stacks never change and need no care.</li>
 * </ul>
 * The engine's packages below this one are plain data structures that are not thread-safe on their
 * own and know no lock: this package's handles take the platform's one lock around every change and
 * query, and only firing reads them without it, validated by the lock's stamp.
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
 *       power of two enable the next power of two; a count below 1 is EINVAL; more interrupts than free
 *       slots is ENOSPC.</li>
 * </ul>
 */
package dev.irqtopo.runtime;
