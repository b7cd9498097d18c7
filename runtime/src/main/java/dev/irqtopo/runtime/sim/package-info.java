/** {@code irqtopo simulate}: boot a platform, allocate every stack, fire every interrupt once, report. */
package dev.irqtopo.runtime.sim;
