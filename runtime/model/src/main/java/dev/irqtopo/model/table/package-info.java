/**
 * The platform model as compact text, so that generated code can carry a model of any size in a few
 * string constants instead of one giant method: {@link dev.irqtopo.model.table.ModelTable} encodes
 * and decodes it.
 */
package dev.irqtopo.model.table;
