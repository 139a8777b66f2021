package dev.toolgate.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of a listing: {@code {"data": [...]}}, every item the caller may see, in the endpoint's order.
 *
 * @param data the items
 * @param <T> the item type
 */
public record ListResponse<T>(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> data) {
    public ListResponse {
        data = List.copyOf(data);
    }
}
