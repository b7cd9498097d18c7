/**
 * The values every boundary of the interrupt path exchanges, and nothing else: the MSI message with a
 * view per decoder (x86 compatibility format, VT-d remappable format, AMD-Vi index), the delivery mode
 * its data selects, the errno a level answers with, and the hex the traces print. Every address and data
 * bit is decoded here and only here. No class of this package knows a domain, a device or a platform.
 */
package dev.irqtopo.runtime.message;
