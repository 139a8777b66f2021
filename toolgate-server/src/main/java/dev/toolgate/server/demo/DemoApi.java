package dev.toolgate.server.demo;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny client of the gateway's REST API, authenticated with {@code apiKey}. */
record DemoApi(OkHttpClient client, String baseUrl, String apiKey) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    JsonNode post(String path, JsonNode body) throws IOException {
        return send("POST", path, body);
    }

    JsonNode put(String path, JsonNode body) throws IOException {
        return send("PUT", path, body);
    }

    JsonNode get(String path) throws IOException {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) throws IOException {
        Request request = new Request.Builder()
                .url(baseUrl + path)
                .header("X-API-Key", apiKey)
                .method(method, body == null ? null : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
                .build();
        try (Response response = client.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException(method + " " + path + " answered " + response.code() + ": " + text);
            }
            return JSON.readTree(text);
        }
    }

    @Override
    public String toString() {
        return "DemoApi[" + baseUrl + ", apiKey=***]";
    }
}
