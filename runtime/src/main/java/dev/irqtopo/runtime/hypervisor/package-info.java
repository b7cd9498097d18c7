/**
 * The hypervisor's side of a guest interrupt: trap-and-translate's decode of a guest's store, the
 * compose hypercall's answer, and where a host interrupt made for a guest delivers. It allocates
 * nothing: the host kernel does, through its own chain for the device (package {@code stack}).
 */
package dev.irqtopo.runtime.hypervisor;
