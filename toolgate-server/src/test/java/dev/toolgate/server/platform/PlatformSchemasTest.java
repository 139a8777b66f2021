package dev.toolgate.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tool schemas cut down to what Vapi's and ElevenLabs' tool formats take. */
class PlatformSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode PARAMETERS = JSON.readTree("""
            {"type": "object", "additionalProperties": false,
             "properties": {
               "phone": {"type": "string", "description": "E.164", "pattern": "^\\\\+[0-9]+$", "minLength": 8},
               "tier": {"type": ["string", "null"], "enum": ["gold", "silver"]},
               "count": {"type": "integer", "minimum": 1, "enum": [1, 2]},
               "tags": {"type": "array", "items": {"type": "string"}},
               "address": {"properties": {"city": {"type": "string"}}, "required": ["city", "zip"]}
             },
             "required": ["phone", "missing"]}""");

    @Test
    void vapiKeepsItsKeywordsAndOneTypePerNode() {
        JsonNode vapi = PlatformSchemas.convert(PARAMETERS, PlatformSchemas.Subset.VAPI);
        assertThat(vapi.has("additionalProperties")).isFalse();
        assertThat(vapi.get("required").toString()).isEqualTo("[\"phone\"]");
        JsonNode phone = vapi.at("/properties/phone");
        assertThat(phone.toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"E.164\",\"pattern\":\"^\\\\+[0-9]+$\"}");
        assertThat(vapi.at("/properties/tier/type").asString()).isEqualTo("string");
        assertThat(vapi.at("/properties/tier/enum").toString()).isEqualTo("[\"gold\",\"silver\"]");
        assertThat(vapi.at("/properties/count").has("enum")).isFalse(); // Vapi's enum holds strings only
        assertThat(vapi.at("/properties/tags/items/type").asString()).isEqualTo("string");
        assertThat(vapi.at("/properties/address/type").asString()).isEqualTo("object");
        assertThat(vapi.at("/properties/address/required").toString()).isEqualTo("[\"city\"]");
    }

    @Test
    void elevenLabsDescribesEveryLiteral() {
        JsonNode eleven = PlatformSchemas.convert(PARAMETERS, PlatformSchemas.Subset.ELEVENLABS);
        assertThat(eleven.at("/properties/phone").has("pattern")).isFalse();
        assertThat(eleven.at("/properties/phone/description").asString()).isEqualTo("E.164");
        assertThat(eleven.at("/properties/count/description").asString()).isEqualTo("count");
        assertThat(eleven.at("/properties/address/properties/city/description").asString())
                .isEqualTo("city");
        assertThat(eleven.at("/properties/tags/items/description").asString()).isEqualTo("tags");
    }

    @Test
    void aToolWithoutParametersGetsAnEmptyObject() {
        JsonNode none = PlatformSchemas.convert(JSON.readTree("{\"type\": \"object\"}"), PlatformSchemas.Subset.VAPI);
        assertThat(none.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }
}
