package io.orderflow.app.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Why a request body was refused, as a 400 {@code malformed_json} whose detail names the field and the rule in
 * JSON's terms. Jackson's own messages name Java classes ({@code NewOrderRequest$Item}), which tell a client
 * nothing it can act on and tell an attacker how the server is built, so they are not passed on.
 */
final class JsonRejection {

    private JsonRejection() {
    }

    static ApiException of(IOException e) {
        return new ApiException(400, "malformed_json", detail(e));
    }

    private static String detail(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'";
        }
        if (e instanceof ValueInstantiationException invalid) {
            // the record's own check says which rule the values broke
            Throwable cause = invalid.getCause();
            String rule = cause == null || cause.getMessage() == null ? "invalid value" : cause.getMessage();
            String path = path(invalid);
            return path.isEmpty() ? rule : path + ": " + rule;
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = expected(mismatch.getTargetType());
            return at(path(mismatch)) + "must be " + expected + found(mismatch, expected);
        }
        if (e instanceof JsonMappingException mapping) {
            return mapping.getCause() instanceof JsonProcessingException syntax ? syntax(syntax)
                    : at(path(mapping)) + "invalid value";
        }
        if (e instanceof JsonProcessingException syntax) {
            return syntax(syntax);
        }
        return "the body could not be read";
    }

    /** The parser's messages describe the JSON text (unexpected character, duplicate field), not our classes. */
    private static String syntax(JsonProcessingException e) {
        return e.getOriginalMessage() + location(e.getLocation());
    }

    /** {@code items[0].quantity}, the way a client would point at the value in its own JSON. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(String path) {
        return path.isEmpty() ? "the body " : path + ": ";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different JSON value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 string such as 2026-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a different JSON value";
    }

    /** What came instead; nothing when it was a string of the wrong form (an ISO-8601 string, say). */
    private static String found(MismatchedInputException e, String expected) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        JsonToken token = parser.currentToken();
        if (token == null || token == JsonToken.VALUE_STRING && expected.contains("string")) {
            return "";
        }
        return switch (token) {
            case VALUE_STRING -> ", not a string";
            case VALUE_NUMBER_INT -> ", not a whole number";
            case VALUE_NUMBER_FLOAT -> ", not a fractional number";
            case VALUE_TRUE, VALUE_FALSE -> ", not true or false";
            case VALUE_NULL -> ", not null";
            case START_ARRAY -> ", not an array";
            case START_OBJECT, FIELD_NAME -> ", not an object";
            default -> "";
        };
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
