package io.orderflow.app.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A client-chosen id in a request body (customer, product): 1-128 characters, none of them a control character or
 * line break. Ids end up in keys, log lines and the console, where a NUL or a newline would cut or forge them.
 */
@NotBlank
@Size(max = 128)
@Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*", message = "must not contain control characters or line breaks")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Identifier {

    String message() default "must be an id of 1-128 printable characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
