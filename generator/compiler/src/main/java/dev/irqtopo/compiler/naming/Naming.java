package dev.irqtopo.compiler.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How names of the language become Java identifiers. The checker and the code emitter both ask this
 * class, so that what the checker accepts is exactly what the emitter can write.
 *
 * <p>A name is split into words at underscores; a word in capitals ({@code NIC}, {@code VM0}) counts as
 * one word ({@code Nic}, {@code Vm0}), any other word keeps its letters and gets a capital first letter.
 * A platform becomes a class in UpperCamelCase ({@code ims_in_guest} → {@code ImsInGuest}); a device or
 * a guest becomes an accessor in lowerCamelCase ({@code nic_vf} → {@code nicVf}, and so does
 * {@code nicVf}).
 *
 * <p>Two identifiers collide when they are equal ignoring case ({@link #collisionKey}): generated file
 * names must differ on case-insensitive file systems too, and identifiers that differ only in case are a
 * trap for readers. The scopes in which identifiers must not collide: the platforms of one package
 * (their classes share the package), and the devices and guests of one platform (their accessors and
 * per-kernel classes are generated side by side for that platform).
 */
public final class Naming {

    /** Java's reserved keywords, its literals, and {@code _}: never an identifier. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "_",
            "true", "false", "null");

    /** Identifiers Java restricts where a type is named; refused as names so that any use is safe. */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private Naming() {
    }

    /** Whether a word is a Java keyword or literal, which no identifier or package part may be. */
    public static boolean isJavaReserved(String word) {
        return RESERVED.contains(word);
    }

    /**
     * Whether a declared name cannot be used for generated code: a Java keyword or literal, a restricted
     * identifier such as {@code var} or {@code record}, or a name whose class or accessor would be one
     * ({@code Int} becomes the accessor {@code int}).
     */
    public static boolean isRefusedName(String name) {
        return RESERVED.contains(name) || RESTRICTED.contains(name)
                || RESERVED.contains(className(name)) || RESERVED.contains(accessorName(name));
    }

    /** A platform's class name, UpperCamelCase. */
    public static String className(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            out.append(capitalized(word));
        }
        return Character.isJavaIdentifierStart(out.charAt(0)) ? out.toString() : "_" + out;
    }

    /** A device's or guest's accessor name, lowerCamelCase. */
    public static String accessorName(String name) {
        String className = className(name);
        if (className.isEmpty() || !Character.isUpperCase(className.charAt(0))) {
            return className;
        }
        return Character.toLowerCase(className.charAt(0)) + className.substring(1);
    }

    /** Identifiers with equal keys collide (they are equal, or differ only in case). */
    public static String collisionKey(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
        return words;
    }

    private static String capitalized(String word) {
        boolean capitals = word.chars().filter(Character::isLetter).count() > 1
                && word.chars().noneMatch(Character::isLowerCase);
        String rest = capitals ? word.substring(1).toLowerCase(Locale.ROOT) : word.substring(1);
        return Character.toUpperCase(word.charAt(0)) + rest;
    }
}
