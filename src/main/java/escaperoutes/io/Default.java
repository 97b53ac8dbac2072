package escaperoutes.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Value used when a record component's key is absent, written as JSON text ({@code "1.0"}, {@code "[]"},
 * {@code "{}"}, {@code "\"lognormal\""}). It is bound like file content so defaults get the same conversions and
 * range checks; a default that does not parse or bind is a programming error. {@code @Default("null")} marks an
 * optional value that stays null when absent (JSON null written in a file is still an error).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Default {
    String value();
}
