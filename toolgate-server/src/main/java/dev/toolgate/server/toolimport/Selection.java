package dev.toolgate.server.toolimport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The operations of a document an import takes, in document order (paths, then methods as written): all of them, or
 * those matching any criterion of an {@link ImportSelect}. An operation marked {@code x-toolgate: false} is never
 * taken. Also reports the criteria that matched nothing ({@code select_unmatched}) and the methods a tool does not
 * send ({@code unsupported_method}).
 */
final class Selection {

    /** The extension that marks an operation for import ({@code true}, or an object with {@code name}/{@code description}). */
    static final String EXTENSION = "x-toolgate";

    private final ImportSelect select;
    private final Set<String> idsSeen = new HashSet<>();
    private final Set<String> tagsSeen = new HashSet<>();
    private final List<ImportWarning> methodWarnings = new ArrayList<>();

    /**
     * One operation.
     *
     * @param path its path, {@code /pets/{id}}
     * @param pathItem its path item (path-level parameters)
     * @param method its method, lower case
     * @param node the operation object
     */
    record Operation(String path, JsonNode pathItem, String method, JsonNode node) {}

    Selection(ImportSelect select) {
        this.select = select == null || select.isEmpty() ? null : select;
    }

    /** Returns the operations taken from {@code document}. */
    List<Operation> operations(JsonNode document) {
        List<Operation> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode item = path.getValue();
            if (item.has("$ref")) {
                JsonNode target = document.at(item.path("$ref").asString("#").substring(1));
                item = target.isMissingNode() ? item : target;
            }
            for (Map.Entry<String, JsonNode> entry : item.properties()) {
                String method = entry.getKey();
                JsonNode operation = entry.getValue();
                if (!operation.isObject() || !taken(operation)) {
                    continue;
                }
                if (OperationMapper.OTHER_METHODS.contains(method)) {
                    methodWarnings.add(ImportWarning.of(
                            ImportWarning.Code.UNSUPPORTED_METHOD,
                            OperationMapper.label(method, path.getKey(), operation),
                            "a tool does not send " + method.toUpperCase(java.util.Locale.ROOT)
                                    + ": the operation made no tool"));
                } else if (OperationMapper.METHODS.contains(method)) {
                    result.add(new Operation(path.getKey(), item, method, operation));
                }
            }
        }
        return result;
    }

    /** Adds the warnings of {@link #operations}: methods not sent, and criteria that matched nothing. */
    void unmatched(List<ImportWarning> warnings) {
        warnings.addAll(methodWarnings);
        if (select == null) {
            return;
        }
        for (String id : select.operationIds() == null ? List.<String>of() : select.operationIds()) {
            if (!idsSeen.contains(id)) {
                warnings.add(ImportWarning.document(
                        ImportWarning.Code.SELECT_UNMATCHED, "no operation has the operationId '" + id + "'"));
            }
        }
        for (String tag : select.tags() == null ? List.<String>of() : select.tags()) {
            if (!tagsSeen.contains(tag)) {
                warnings.add(ImportWarning.document(
                        ImportWarning.Code.SELECT_UNMATCHED, "no operation has the tag '" + tag + "'"));
            }
        }
    }

    private boolean taken(JsonNode operation) {
        JsonNode extension = operation.get(EXTENSION);
        if (extension != null && extension.isBoolean() && !extension.booleanValue()) {
            return false;
        }
        if (select == null) {
            return true;
        }
        boolean match = false;
        String id = operation.path("operationId").asString("");
        if (select.operationIds() != null && select.operationIds().contains(id)) {
            idsSeen.add(id);
            match = true;
        }
        Set<String> tags = new LinkedHashSet<>();
        operation.path("tags").forEach(tag -> tags.add(tag.asString("")));
        if (select.tags() != null) {
            for (String tag : select.tags()) {
                if (tags.contains(tag)) {
                    tagsSeen.add(tag);
                    match = true;
                }
            }
        }
        if (Boolean.TRUE.equals(select.extension())
                && extension != null
                && (extension.isObject() || extension.asBoolean(false))) {
            match = true;
        }
        return match;
    }
}
