package dev.toolgate.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the REST API for tests: every call returns status, content type and parsed body. */
record ApiClient(OkHttpClient client, String baseUrl) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    ApiClient(String baseUrl) {
        this(new OkHttpClient(), baseUrl);
    }

    /** One answer: status, content type, raw text and parsed JSON (null when not JSON). */
    record Answer(int status, String contentType, String text, JsonNode json) {}

    Answer get(String key, String path) {
        return send(key, new Request.Builder().url(baseUrl + path).get());
    }

    Answer delete(String key, String path) {
        return send(key, new Request.Builder().url(baseUrl + path).delete());
    }

    Answer post(String key, String path, String body) {
        return send(key, new Request.Builder().url(baseUrl + path).post(RequestBody.create(body, JSON_TYPE)));
    }

    /** A POST with one extra request header. */
    Answer post(String key, String path, String body, String header, String value) {
        return send(
                key,
                new Request.Builder()
                        .url(baseUrl + path)
                        .header(header, value)
                        .post(RequestBody.create(body, JSON_TYPE)));
    }

    Answer put(String key, String path, String body) {
        return send(key, new Request.Builder().url(baseUrl + path).put(RequestBody.create(body, JSON_TYPE)));
    }

    Answer patch(String key, String path, String body) {
        return send(key, new Request.Builder().url(baseUrl + path).patch(RequestBody.create(body, JSON_TYPE)));
    }

    /**
     * Creates an agent holding one {@code http_request} tool and returns the agent's id.
     *
     * @param properties the JSON of the tool's {@code parameters.properties}
     * @param url the tool's endpoint
     */
    String agentWithTool(String key, String toolName, String properties, String url) {
        String agentId =
                post(key, "/v1/agents", "{\"name\":\"desk\"}").json().get("id").asString();
        Answer tool = post(key, "/v1/agents/" + agentId + "/tools", """
                {"name": "%s", "description": "A test tool", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": %s}, "config": {"url": "%s"}}
                """.formatted(toolName, properties, url));
        if (tool.status() != 201) {
            throw new IllegalStateException("tool not created: " + tool.text());
        }
        return agentId;
    }

    /** Sends any request (custom method, headers or body), with {@code X-API-Key: key} unless key is null. */
    Answer send(String key, Request.Builder builder) {
        if (key != null) {
            builder.header("X-API-Key", key);
        }
        try (Response response = client.newCall(builder.build()).execute()) {
            String text = response.body().string();
            JsonNode json = null;
            try {
                json = text.isEmpty() ? null : JSON.readTree(text);
            } catch (RuntimeException notJson) {
                json = null;
            }
            return new Answer(response.code(), response.header("Content-Type"), text, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
