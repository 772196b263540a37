package org.stasis.ui.internal.inspector;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One column of a {@link RowTable}: its header, the text of a row, and how rows sort by it.
 *
 * @param <T> the row type
 */
public record Column<T>(String header, int width, boolean right, Function<? super T, String> text, Comparator<T> order) {

    public Column {
        Objects.requireNonNull(header, "header"); //$NON-NLS-1$
        Objects.requireNonNull(text, "text"); //$NON-NLS-1$
        Objects.requireNonNull(order, "order"); //$NON-NLS-1$
    }

    /** A text column sorted by its text, ignoring case. */
    public static <T> Column<T> text(String header, int width, Function<? super T, String> text) {
        Function<? super T, String> safe = row -> Objects.toString(text.apply(row), ""); //$NON-NLS-1$
        return new Column<>(header, width, false, safe, Comparator.comparing(safe, String.CASE_INSENSITIVE_ORDER));
    }

    /** A numeric column: shown as text (human units, hex), sorted by the signed number behind it. */
    public static <T> Column<T> number(String header, int width, Function<? super T, String> text, ToLongFunction<? super T> value) {
        return new Column<>(header, width, true, text, (a, b) -> Long.compare(value.applyAsLong(a), value.applyAsLong(b)));
    }

    /** A numeric column whose values are unsigned 64-bit (addresses, masks): 0xffff... sorts last. */
    public static <T> Column<T> unsigned(String header, int width, Function<? super T, String> text, ToLongFunction<? super T> value) {
        return new Column<>(header, width, true, text,
                (a, b) -> Long.compareUnsigned(value.applyAsLong(a), value.applyAsLong(b)));
    }

    /** A decimal integer column. */
    public static <T> Column<T> integer(String header, int width, ToLongFunction<? super T> value) {
        return number(header, width, row -> Long.toString(value.applyAsLong(row)), value);
    }
}
