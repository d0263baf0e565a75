package io.orderflow.console.kafka;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads {@code type} and {@code orderId} from the top level of an event envelope with a streaming parser, stopping
 * as soon as both are seen. The tail and the trace do this for every record, so they never build a JSON tree for
 * records nobody opens; anything that is not a JSON object yields empty fields.
 */
public record EnvelopeFields(String type, String orderId) {

    private static final JsonFactory JSON = new JsonFactory();
    static final EnvelopeFields NONE = new EnvelopeFields(null, null);

    public static EnvelopeFields read(byte[] value) {
        if (value == null || value.length == 0 || firstNonBlank(value) != '{') {
            return NONE;
        }
        String type = null;
        String orderId = null;
        try (JsonParser parser = JSON.createParser(value)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME && (type == null || orderId == null)) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING && "type".equals(field)) {
                    type = parser.getText();
                } else if (token == JsonToken.VALUE_STRING && "orderId".equals(field)) {
                    orderId = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // a truncated or invalid document keeps whatever was read before the error
        }
        return new EnvelopeFields(type, orderId);
    }

    private static int firstNonBlank(byte[] value) {
        for (byte b : value) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }
}
