package dev.toolgate.server.toolimport;

import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.FieldError;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.secrets.SigningSecretStore;
import dev.toolgate.server.tool.ToolOut;
import dev.toolgate.server.tool.ToolStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs an import (docs/openapi-import.md): reads the document ({@link OpenApiDocuments}, fetched by
 * {@link DocumentFetcher} for a {@code url}), picks the base URL ({@link ServerUrls}), maps each selected operation
 * ({@link OperationMapper}), makes tool names unique among the agent's tools and the import's, checks every tool with
 * the same {@link ToolDefinitionParser} as {@code POST /tools}, and, unless it is a dry run, stores them all in one
 * transaction.
 */
@Service
class ImportService {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final AgentStore agents;
    private final ToolStore tools;
    private final ToolDefinitionParser parser;
    private final ToolLimits limits;
    private final DocumentFetcher fetcher;

    ImportService(
            AgentStore agents,
            ToolStore tools,
            ToolDefinitionParser parser,
            ToolLimits limits,
            DocumentFetcher fetcher) {
        this.agents = agents;
        this.tools = tools;
        this.parser = parser;
        this.limits = limits;
        this.fetcher = fetcher;
    }

    /** One operation that made a valid tool. */
    private record Accepted(ToolDefinition definition, Set<String> secrets) {}

    /**
     * Imports {@code in} into the agent.
     *
     * @throws ApiException 404 for an unknown agent; 422 {@code validation_failed} for a bad request,
     *     {@code invalid_document} for a document that cannot be imported, {@code document_fetch_failed};
     *     409 / 422 {@code too_many_tools} from the store (nothing is stored then)
     */
    ImportOut run(UUID tenantId, UUID agentId, ImportIn in) {
        agents.require(tenantId, agentId);
        checkRequest(in);
        OpenApiDocuments.Read read;
        try {
            read = read(in);
        } catch (DocumentException e) {
            throw invalidDocument(e);
        }
        List<ImportWarning> warnings = new ArrayList<>();
        read.messages()
                .forEach(message -> warnings.add(ImportWarning.document(ImportWarning.Code.DOCUMENT_MESSAGE, message)));
        String baseUrl;
        try {
            baseUrl = ServerUrls.base(read.document(), in.baseUrl(), warnings);
        } catch (DocumentException e) {
            throw invalidDocument(e);
        }
        Set<String> taken = tools.list(tenantId, agentId).stream()
                .map(tool -> tool.definition().name())
                .collect(Collectors.toCollection(HashSet::new));
        OperationMapper mapper = new OperationMapper(read.document(), baseUrl, limits.maxParameterDescriptionChars());
        Selection selection = new Selection(in.select());
        List<Accepted> accepted = new ArrayList<>();
        int operations = 0;
        int clean = 0;
        for (Selection.Operation operation : selection.operations(read.document())) {
            operations++;
            OperationMapper.Mapped mapped = map(mapper, operation);
            List<ImportWarning> own = new ArrayList<>(mapped.warnings());
            Accepted tool = mapped.tool() == null ? null : check(mapped, taken, own);
            if (tool != null) {
                accepted.add(tool);
                clean += own.isEmpty() ? 1 : 0;
            }
            warnings.addAll(own);
        }
        selection.unmatched(warnings);
        secretsToSet(accepted, warnings);
        ImportOut.Summary summary =
                new ImportOut.Summary(operations, clean, accepted.size() - clean, operations - accepted.size());
        List<ToolDefinition> definitions =
                accepted.stream().map(Accepted::definition).toList();
        if (in.sendsNothing() || definitions.isEmpty()) {
            List<Object> out = definitions.stream()
                    .map(definition -> (Object) WRITER.toJson(definition, false))
                    .toList();
            return new ImportOut(out, warnings, 0, summary);
        }
        List<SigningSecret> secrets = definitions.stream()
                .map(definition -> SigningSecret.generate(SigningSecretStore.schemeOf(definition)))
                .toList();
        List<Tool> created = tools.createAll(tenantId, agentId, definitions, secrets);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            out.add(ToolOut.of(created.get(i), secrets.get(i).reveal()));
        }
        return new ImportOut(out, warnings, created.size(), summary);
    }

    /**
     * Maps one operation. A document is tenant input of any shape: should the mapping of one operation fail on a shape
     * it does not expect, that operation makes no tool (an {@code invalid_tool} warning, the fault in the server log)
     * and the others are still imported; the request never fails with a 500 for it.
     */
    private static OperationMapper.Mapped map(OperationMapper mapper, Selection.Operation operation) {
        try {
            return mapper.map(operation.path(), operation.pathItem(), operation.method(), operation.node());
        } catch (RuntimeException e) {
            String label = OperationMapper.label(operation.method(), operation.path(), operation.node());
            log.warn("OpenAPI import: the operation {} could not be mapped", LogSafe.text(label), LogSafe.throwable(e));
            return new OperationMapper.Mapped(
                    label,
                    null,
                    Set.of(),
                    List.of(ImportWarning.of(
                            ImportWarning.Code.INVALID_TOOL,
                            label,
                            "the operation has a shape the import does not read, so it made no tool")));
        }
    }

    private static void checkRequest(ImportIn in) {
        boolean hasDocument = in.document() != null && !in.document().isNull();
        boolean hasUrl = in.url() != null;
        if (hasDocument == hasUrl) {
            throw ApiException.invalid(
                    hasDocument ? "url" : "document",
                    hasDocument ? "give either document or url, not both" : "give document or url");
        }
        if (hasDocument && !in.document().isObject() && !in.document().isString()) {
            throw ApiException.invalid("document", "must be an OpenAPI document: a JSON object, or JSON or YAML text");
        }
        if (in.baseUrl() != null) {
            String problem = ServerUrls.baseUrlProblem(in.baseUrl());
            if (problem != null) {
                throw ApiException.invalid("base_url", problem);
            }
        }
    }

    private OpenApiDocuments.Read read(ImportIn in) {
        if (in.url() != null) {
            return OpenApiDocuments.read(fetcher.fetch(in.url()));
        }
        return in.document().isString()
                ? OpenApiDocuments.read(in.document().stringValue())
                : OpenApiDocuments.read(in.document());
    }

    /** Names the tool uniquely and checks it with the tool rules; null (with a warning) when it fails them. */
    private Accepted check(OperationMapper.Mapped mapped, Set<String> taken, List<ImportWarning> warnings) {
        String proposed = mapped.tool().path("name").asString("");
        String name = Names.unique(proposed, taken);
        if (!name.equals(proposed)) {
            warnings.add(ImportWarning.of(
                    ImportWarning.Code.NAME_CHANGED,
                    mapped.label(),
                    "the name " + proposed + " is taken (by the agent's tools or this import): the tool is " + name));
            mapped.tool().put("name", name);
        }
        return switch (parser.parse(mapped.tool())) {
            case ParseResult.Valid valid -> new Accepted(valid.definition(), mapped.secrets());
            case ParseResult.Invalid invalid -> {
                taken.remove(name);
                warnings.add(ImportWarning.of(
                        ImportWarning.Code.INVALID_TOOL,
                        mapped.label(),
                        "the tool made from it breaks the tool rules, so it made no tool: "
                                + describe(invalid.errors())));
                yield null;
            }
        };
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                        .limit(5)
                        .map(error -> error.field() + " " + error.message())
                        .collect(Collectors.joining("; "))
                + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more" : "");
    }

    private static void secretsToSet(List<Accepted> accepted, List<ImportWarning> warnings) {
        Map<String, Long> uses = accepted.stream()
                .flatMap(tool -> tool.secrets().stream())
                .collect(Collectors.groupingBy(name -> name, java.util.LinkedHashMap::new, Collectors.counting()));
        new LinkedHashSet<>(uses.keySet())
                .forEach(name -> warnings.add(ImportWarning.document(
                        ImportWarning.Code.SECRET_TO_SET,
                        "set the tenant secret '" + name + "' (PUT /v1/secrets/" + name + ") before calling the "
                                + uses.get(name) + " tool(s) whose auth uses {{secrets." + name + "}}")));
    }

    private static ApiException invalidDocument(DocumentException e) {
        List<FieldError> details = e.details().stream()
                .map(message -> new FieldError("document", message))
                .toList();
        return new ApiException(
                ApiErrorCode.INVALID_DOCUMENT, "The document cannot be imported: " + e.getMessage(), details);
    }
}
