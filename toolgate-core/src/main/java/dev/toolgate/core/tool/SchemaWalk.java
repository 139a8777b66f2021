package dev.toolgate.core.tool;

import dev.toolgate.core.args.LinearRegex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One pass over a {@code parameters} schema that {@link ParametersSchemaCheck} has already found to be valid,
 * local-only JSON Schema within the depth limit (so recursion here is shallow). Finds what the meta-schema cannot
 * see: over-long descriptions, patterns RE2 cannot run, and {@code $ref}s that recurse or fan out.
 *
 * <p>Every object and array outside data keywords ({@code enum}, {@code const}, {@code default},
 * {@code examples}) is numbered in document order, so "is this location inside that subschema" is a range test.
 */
final class SchemaWalk {

    /** Keywords whose values are data, not schemas. */
    static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "default", "examples", "example");

    /** Keywords whose values map names (property names, definition names) to schemas. */
    static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies");

    /**
     * The most regex instructions all patterns of one schema may expand to together (each is also bounded by
     * {@link LinearRegex#MAX_PATTERN_SIZE}): keeps the compiled patterns of one tool small (about 0.7 MB).
     */
    static final int MAX_TOTAL_PATTERN_SIZE = 10_000;

    private record Ref(int node, String field, String target, int base) {}

    private final String rootPath;
    private final List<String> pointers = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private final Map<String, Integer> byPointer = new HashMap<>();
    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, Integer> anchors = new HashMap<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final int maxDescriptionChars;
    private long patternSize;

    private SchemaWalk(String rootPath, int maxDescriptionChars) {
        this.rootPath = rootPath;
        this.maxDescriptionChars = maxDescriptionChars;
    }

    /**
     * Returns the problems of {@code schema} at paths below {@code path}: descriptions longer than
     * {@code maxDescriptionChars}, patterns RE2 cannot run, recursive {@code $ref}s, and {@code $ref}s that would
     * make the schema hold more than {@code maxExpandedNodes} objects and arrays when followed.
     */
    static List<FieldError> check(JsonNode schema, String path, int maxDescriptionChars, long maxExpandedNodes) {
        SchemaWalk walk = new SchemaWalk(path, maxDescriptionChars);
        walk.visit(schema, "", path, 0, false);
        if (walk.errors.isEmpty()) {
            walk.references(maxExpandedNodes);
        }
        return walk.errors;
    }

    /**
     * Numbers {@code node} and everything below it.
     *
     * @param schemaMap whether {@code node} is the value of a keyword such as {@code properties}, whose keys are
     *     names (a property may be called {@code default} or {@code pattern}) and whose values are schemas
     */
    private void visit(JsonNode node, String pointer, String field, int base, boolean schemaMap) {
        int index = pointers.size();
        pointers.add(pointer);
        ends.add(index);
        byPointer.put(pointer, index);
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isContainer()) {
                    visit(child, pointer + "/" + i, field + "[" + i + "]", base, false);
                }
            }
        } else {
            if (!schemaMap) {
                JsonNode id = node.get("$id");
                if (id != null && id.isString() && !id.stringValue().startsWith("#")) {
                    base = index; // an embedded resource: its "#/..." references resolve against it
                }
                inspect(node, index, field, base);
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                JsonNode child = entry.getValue();
                if (child.isContainer() && (schemaMap || !DATA_KEYWORDS.contains(key))) {
                    visit(
                            child,
                            pointer + "/" + escape(key),
                            field + "." + key,
                            base,
                            !schemaMap && SCHEMA_MAPS.contains(key));
                }
            }
        }
        ends.set(index, pointers.size());
    }

    private void inspect(JsonNode node, int index, String field, int base) {
        JsonNode description = node.get("description");
        if (description != null && description.isString()) {
            String text = description.stringValue();
            int length = text.codePointCount(0, text.length());
            if (length > maxDescriptionChars) {
                errors.add(new FieldError(
                        field + ".description",
                        "must be at most " + maxDescriptionChars + " characters (the limit for descriptions inside"
                                + " parameters); it has " + length));
            }
        }
        JsonNode pattern = node.get("pattern");
        if (pattern != null && pattern.isString()) {
            pattern(pattern.stringValue(), field + ".pattern");
        }
        JsonNode patternProperties = node.get("patternProperties");
        if (patternProperties != null && patternProperties.isObject()) {
            for (String regex : patternProperties.propertyNames()) {
                pattern(regex, field + ".patternProperties." + regex);
            }
        }
        for (String anchorKeyword : List.of("$anchor", "$dynamicAnchor", "$id")) {
            JsonNode anchor = node.get(anchorKeyword);
            if (anchor != null && anchor.isString()) {
                String name = anchor.stringValue();
                if (anchorKeyword.equals("$id")) {
                    if (!name.startsWith("#") || name.length() < 2) {
                        continue;
                    }
                    name = name.substring(1); // draft-07 style "$id": "#name"
                }
                anchors.putIfAbsent(base + "#" + name, index);
            }
        }
        for (String refKeyword : List.of("$ref", "$dynamicRef", "$recursiveRef")) {
            JsonNode ref = node.get(refKeyword);
            if (ref != null && ref.isString() && ref.stringValue().startsWith("#")) {
                refs.add(new Ref(index, field + "." + refKeyword, ref.stringValue(), base));
            }
        }
    }

    private void pattern(String regex, String field) {
        Optional<String> problem = LinearRegex.problem(regex);
        if (problem.isPresent()) {
            errors.add(new FieldError(field, "is not a usable pattern: it " + problem.get()));
            return;
        }
        patternSize += LinearRegex.expandedSize(regex);
        if (patternSize > MAX_TOTAL_PATTERN_SIZE) {
            errors.add(new FieldError(
                    field,
                    "makes the patterns of " + rootPath + " expand to more than " + MAX_TOTAL_PATTERN_SIZE
                            + " regex instructions together; use fewer or smaller counted repetitions"));
            patternSize = Long.MIN_VALUE / 2; // report once
        }
    }

    /** Finds recursion among the references and counts the nodes the schema holds when they are followed. */
    private void references(long maxExpandedNodes) {
        refs.sort((a, b) -> Integer.compare(a.node(), b.node()));
        int count = refs.size();
        int[] targets = new int[count];
        for (int i = 0; i < count; i++) {
            targets[i] = resolve(refs.get(i));
        }
        // Depth-first over "reference i's target contains reference j"; a reference met again while still open
        // is a cycle. Costs are the nodes a followed reference adds, summed in post-order.
        int[] state = new int[count]; // 0 new, 1 open, 2 done
        long[] cost = new long[count];
        int[] stack = new int[count];
        int[] next = new int[count];
        for (int start = 0; start < count; start++) {
            if (state[start] != 0 || targets[start] < 0) {
                continue;
            }
            int depth = 0;
            stack[depth++] = start;
            state[start] = 1;
            next[start] = firstRefInside(targets[start]);
            while (depth > 0) {
                int current = stack[depth - 1];
                int target = targets[current];
                int child = next[current];
                if (child < count && refs.get(child).node() < ends.get(target)) {
                    next[current] = child + 1;
                    if (targets[child] < 0) {
                        continue;
                    }
                    if (state[child] == 1) {
                        errors.add(new FieldError(
                                refs.get(child).field(),
                                "makes the schema recursive: " + refs.get(child).target()
                                        + " leads back to this reference. Recursive schemas are not supported;"
                                        + " write the nesting out to a fixed depth"));
                        return;
                    }
                    if (state[child] == 0) {
                        state[child] = 1;
                        next[child] = firstRefInside(targets[child]);
                        stack[depth++] = child;
                    }
                    continue;
                }
                long total = ends.get(target) - target;
                for (int j = firstRefInside(target); j < count && refs.get(j).node() < ends.get(target); j++) {
                    total = saturatedAdd(total, cost[j]);
                }
                cost[current] = total;
                state[current] = 2;
                depth--;
            }
        }
        long expanded = pointers.size();
        for (int j = 0; j < count; j++) {
            expanded = saturatedAdd(expanded, cost[j]);
        }
        if (expanded > maxExpandedNodes) {
            errors.add(new FieldError(
                    rootPath,
                    "holds " + (expanded >= Long.MAX_VALUE / 4 ? "too many" : "about " + expanded)
                            + " objects and arrays when its $refs are followed, more than the " + maxExpandedNodes
                            + " a schema within the size limit can hold written out; refer to shared definitions"
                            + " less often"));
        }
    }

    /** The node a reference points at, or -1 when it does not resolve (compilation reports that). */
    private int resolve(Ref ref) {
        String fragment = percentDecode(ref.target().substring(1));
        if (fragment.isEmpty()) {
            return ref.base();
        }
        if (!fragment.startsWith("/")) {
            return anchors.getOrDefault(ref.base() + "#" + fragment, -1);
        }
        Integer node = byPointer.get(pointers.get(ref.base()) + fragment);
        return node == null ? -1 : node;
    }

    /** The index in {@link #refs} of the first reference located at or after {@code node}. */
    private int firstRefInside(int node) {
        int low = 0;
        int high = refs.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (refs.get(mid).node() < node) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : sum;
    }

    /** Escapes a property name as a JSON Pointer token (RFC 6901 §3). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Decodes the %XX escapes of a URI fragment (RFC 3986 §2.1) as UTF-8; leaves malformed ones as written. */
    private static String percentDecode(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = fragment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
