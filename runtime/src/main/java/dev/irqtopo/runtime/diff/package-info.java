/**
 * {@code irqtopo diff}: what a change to a design changes. Two designs' platforms are matched by name and
 * each is described as facts, field by field in the words of the JSON reports: its declarations, each
 * stack and interrupt as {@code simulate} reports them, and {@code verify}'s findings and assignments
 * (on riscv64, the RISC-V IOMMUs' device contexts too, as {@code tables} reads them: they decide what a
 * guest's function reaches, and no line declares them).
 * {@link dev.irqtopo.runtime.diff.DesignDiff} compares the facts in one place and holds the differences;
 * {@link dev.irqtopo.runtime.diff.DiffText} prints them for people.
 */
package dev.irqtopo.runtime.diff;
