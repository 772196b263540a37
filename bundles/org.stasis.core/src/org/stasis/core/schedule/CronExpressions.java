package org.stasis.core.schedule;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * Cron expressions of schedules: the five fields of crontab(5) (minute hour day-of-month month
 * day-of-week), as users know them from cron, e.g. {@code *}{@code /15 * * * *} or {@code 0 2 * * 1-5}.
 * Parsing, description and next times come from cron-utils rather than a parser of our own.
 */
public final class CronExpressions {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private CronExpressions() {
    }

    /** @return empty when expression is a valid five-field cron expression, else what is wrong with it */
    public static Optional<String> validate(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * @return expression in words, in English, e.g. "every 15 minutes"
     * @throws IllegalArgumentException when it is not valid; {@link #validate(String)} says why
     */
    public static String describe(String expression) {
        return describe(expression, Locale.ENGLISH);
    }

    /** @return expression in words in one of cron-utils' languages (English when it has not got locale) */
    public static String describe(String expression, Locale locale) {
        return CronDescriptor.instance(Objects.requireNonNull(locale, "locale")).describe(parse(expression)); //$NON-NLS-1$
    }

    /**
     * @return the first time strictly after after that the expression names, in after's zone; empty
     *         when there is none (e.g. 30 February)
     * @throws IllegalArgumentException when the expression is not valid
     */
    public static Optional<ZonedDateTime> nextAfter(String expression, ZonedDateTime after) {
        return ExecutionTime.forCron(parse(expression)).nextExecution(Objects.requireNonNull(after, "after")); //$NON-NLS-1$
    }

    private static Cron parse(String expression) {
        Objects.requireNonNull(expression, "expression"); //$NON-NLS-1$
        if (expression.isBlank()) {
            throw new IllegalArgumentException("empty cron expression: give five fields, e.g. '*/15 * * * *'"); //$NON-NLS-1$
        }
        try {
            return PARSER.parse(expression.trim()).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression of five fields " //$NON-NLS-1$ //$NON-NLS-2$
                    + "(minute hour day-of-month month day-of-week): " + e.getMessage(), e); //$NON-NLS-1$
        }
    }
}
