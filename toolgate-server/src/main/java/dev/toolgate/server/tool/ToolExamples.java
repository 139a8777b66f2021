package dev.toolgate.server.tool;

import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.tool.ToolType;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One realistic tool of each type for the OpenAPI document: the body a tenant would send, and the answer Toolgate
 * gives for it (written by the real parser and writer, so defaults and masking are what the API does). Every optional
 * text is set, so no example has a null (the document is written without nulls).
 */
final class ToolExamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private static final Map<ToolType, String> BODIES = new EnumMap<>(Map.of(
            ToolType.HTTP_REQUEST,
            """
            {"name": "lookup_customer", "display_name": "Look up customer",
             "description": "Looks up a customer by phone number and returns their name and open orders.",
             "tool_type": "http_request",
             "parameters": {"type": "object",
                            "properties": {"phone": {"type": "string", "description": "The caller's number, E.164"}},
                            "required": ["phone"]},
             "config": {"url": "https://crm.example.com/customers/lookup", "method": "POST",
                        "auth": {"type": "bearer", "token": "{{secrets.CRM_TOKEN}}"}, "timeout": 3,
                        "error_hint": "Say the customer system is slow and offer a callback.",
                        "duplicate_window": 10}}
            """,
            ToolType.TRANSFER_CALL,
            """
            {"name": "transfer_to_billing", "display_name": "Transfer to billing", "description": "Transfers the caller to the billing team.",
             "tool_type": "transfer_call", "config": {"phone_number": "+4930999888", "transfer_mode": "warm"}}
            """,
            ToolType.MONITORED_TRANSFER,
            """
            {"name": "escalate_to_supervisor", "display_name": "Escalate", "description": "Rings the supervisor and stays on the line.",
             "tool_type": "monitored_transfer", "config": {"phone_number": "+4930999777", "timeout_seconds": 30}}
            """,
            ToolType.END_CALL,
            """
            {"name": "end_call", "display_name": "End call", "description": "Ends the call once the caller has said goodbye.",
             "tool_type": "end_call", "config": {"goodbye_message": "Thanks for calling. Goodbye!"}}
            """,
            ToolType.EXTRACT_VARIABLE,
            """
            {"name": "capture_email", "display_name": "Capture e-mail", "description": "Captures the e-mail address the caller spells out.",
             "tool_type": "extract_variable",
             "config": {"variable_name": "customer_email", "variable_type": "email",
                        "prompt_text": "What e-mail address should we use?", "example_format": "jane@example.com",
                        "confirmation_enabled": true}}
            """,
            ToolType.PLAY_TONE,
            """
            {"name": "choose_english", "display_name": "Choose English", "description": "Presses 1 in the callee's phone menu to choose English.",
             "tool_type": "play_tone", "config": {"dtmf_digit": "1"}}
            """,
            ToolType.KNOWLEDGE_BASE,
            """
            {"name": "search_help_center", "display_name": "Search help center", "description": "Searches the help-center articles for an answer.",
             "tool_type": "knowledge_base", "config": {"top_k": 3, "bridging_sentence": "Let me check that."}}
            """));

    private ToolExamples() {}

    /** Returns the example body of a tool of {@code type}. */
    static ObjectNode in(ToolType type) {
        return (ObjectNode) JSON.readTree(BODIES.get(type));
    }

    /**
     * Returns the answer for {@link #in}: the tool as {@code parser} reads it and the API writes it.
     *
     * @throws IllegalStateException if the parser refuses the example
     */
    static ObjectNode out(ToolType type, ToolDefinitionParser parser) {
        if (!(parser.parse(in(type)) instanceof ParseResult.Valid valid)) {
            throw new IllegalStateException("the " + type.wireName() + " example is not a valid tool");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c");
        out.put("agent_id", "3f2c9a4e-8d1b-4c7a-9e5f-2b6d8a1c0e47");
        out.setAll(WRITER.toJson(valid.definition(), true));
        out.put("created_at", "2026-01-31T12:00:00.123456Z");
        out.put("updated_at", "2026-01-31T12:00:00.123456Z");
        return out;
    }
}
