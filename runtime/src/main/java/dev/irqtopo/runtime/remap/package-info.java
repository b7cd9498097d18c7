/**
 * Interrupt remapping, VT-d and AMD-Vi: the host's remap domains with their tables and entries, how
 * the hardware checks a request against an entry (source validation, fault reasons), the aligned block
 * allocator of table indices, and the per-victim buckets in which the isolation analysis condenses what
 * every entry reaches. Sits between the vector domain and the bus; knows no device beyond its model and
 * requester id, and no kernel beyond the CPU and vector an entry names.
 */
package dev.irqtopo.runtime.remap;
