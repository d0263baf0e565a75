package io.orderflow.app.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.orderflow.event.EventCodec;
import io.orderflow.event.InvalidEventException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Reading requests and writing responses for the REST routes: strict JSON in (content type, shape, bean
 * validation), JSON out, and only the headers we mean to send.
 */
@Component
public class JsonApi {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ObjectMapper reader;
    private final ObjectMapper writer;
    private final Validator validator;

    public JsonApi(EventCodec codec, Validator validator) {
        this.writer = codec.mapper();
        this.reader = strict(codec.mapper().copy());
        this.validator = validator;
    }

    /** The request body as {@code type}, or a 415/400 naming what is wrong. */
    public <T> T read(Exchange exchange, Class<T> type) {
        Message in = exchange.getMessage();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "Content-Type must be application/json, was " + (contentType == null ? "absent" : contentType));
        }
        byte[] body = in.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new ApiException(400, "missing_body", "a JSON body is required");
        }
        T value;
        try {
            value = reader.readValue(body, type);
        } catch (IOException e) {
            throw JsonRejection.of(e);
        }
        if (value == null) {
            throw new ApiException(400, "missing_body", "a JSON body is required");
        }
        validate(value);
        return value;
    }

    /**
     * A proxy or WAF in front of us must read the same request we do, so nothing is guessed: a value of the wrong
     * JSON type is refused rather than converted, a repeated key is refused rather than the last one winning, and
     * so is anything after the document.
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new ApiException(400, "validation_failed", detail);
        }
        if (value instanceof RuleChecked checked) {
            try {
                checked.checkRules();
            } catch (InvalidEventException broken) {
                throw new ApiException(400, "validation_failed", broken.getMessage());
            }
        }
    }

    /** Replaces whatever the request carried with exactly this response. */
    public void respond(Exchange exchange, int status, Object body) {
        Message out = exchange.getMessage();
        String correlationId = out.getHeader(CORRELATION_HEADER, String.class);
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (correlationId != null) {
            out.setHeader(CORRELATION_HEADER, correlationId);
        }
        try {
            out.setBody(writer.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    public void respondError(Exchange exchange, int status, String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        respond(exchange, status, body);
    }

    /** The caller's correlation id if it is sane, else a new one; echoed back on the response. */
    public String correlationId(Exchange exchange) {
        String given = exchange.getMessage().getHeader(CORRELATION_HEADER, String.class);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getMessage().setHeader(CORRELATION_HEADER, id);
        return id;
    }

    /** A path identifier (cart id, order id) limited to characters that are safe in keys, logs and URLs. */
    public String pathId(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        if (value == null || !SAFE_ID.matcher(value).matches()) {
            throw ApiException.badRequest(name + " must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    public Integer intParam(Exchange exchange, String name, int defaultValue, int min, int max) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, was '" + raw + "'");
        }
    }
}
