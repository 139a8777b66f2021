package dev.toolgate.server.console;

import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invocation.InvocationFilter;
import dev.toolgate.server.invocation.InvocationOut;
import dev.toolgate.server.invocation.InvocationQueries;
import dev.toolgate.server.invocation.InvocationRecord;
import dev.toolgate.server.invocation.InvocationRecordOut;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The invocation log of one agent (docs/invocation-log.md): filtered ({@link InvocationListQuery}), a page at a time,
 * every value a link that filters by it, exported as CSV (Apache Commons CSV) or JSON (the API's record shape); one
 * invocation's detail with its arguments, masked request, PII-masked response preview, timings and curl; and replay
 * behind a confirmation. Reads go through {@link InvocationQueries}, as the REST API's do.
 */
@Controller
@BrowserSession
@Hidden
class InvocationPages {

    /** Records per page. */
    static final int PAGE_SIZE = 50;

    /** The most records one export holds; a larger log is exported in parts by narrowing the filters. */
    static final int MAX_EXPORT = 10_000;

    /** The CSV export's columns, in order. */
    static final String[] CSV_COLUMNS = {
        "id",
        "created_at",
        "tool_name",
        "kind",
        "status",
        "error_code",
        "http_status",
        "duration_ms",
        "call_id",
        "tool_call_id",
        "replay_of",
        "repeat_of",
        "error_message"
    };

    private final AgentStore agents;
    private final InvocationQueries queries;
    private final int maxFieldBytes;

    InvocationPages(AgentStore agents, InvocationQueries queries, ToolgateProperties properties) {
        this.agents = agents;
        this.queries = queries;
        this.maxFieldBytes = properties.limits().maxRecordFieldBytes();
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/invocations")
    @RequiresScope(Scope.INVOCATIONS_READ)
    String list(
            ConsoleSession session, @PathVariable UUID agentId, @RequestParam Map<String, String> params, Model model) {
        UUID tenantId = session.principal().tenantId();
        InvocationListQuery query = InvocationListQuery.of(params);
        model.addAttribute("agent", agents.require(tenantId, agentId));
        model.addAttribute("query", query);
        InvocationQueries.Page page = queries.list(tenantId, agentId, query.filter(), params.get("cursor"), PAGE_SIZE);
        model.addAttribute("records", page.records());
        model.addAttribute("next", page.nextCursor());
        model.addAttribute("names", InvocationListQuery.NAMES);
        return "console/invocations";
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/invocations/export.csv")
    @RequiresScope(Scope.INVOCATIONS_READ)
    ResponseEntity<String> exportCsv(
            ConsoleSession session, @PathVariable UUID agentId, @RequestParam Map<String, String> params) {
        List<InvocationRecord> records = export(session, agentId, params);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv =
                CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out)) {
            for (InvocationRecord r : records) {
                csv.printRecord(
                        r.id(),
                        r.createdAt(),
                        r.toolName(),
                        r.kind(),
                        r.status(),
                        r.errorCode(),
                        r.httpStatus(),
                        r.durationMs(),
                        r.callId(),
                        r.toolCallId(),
                        r.replayOf(),
                        r.repeatOf(),
                        r.errorMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toString(), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "csv");
    }

    @GetMapping(ConsolePaths.BASE + "/agents/{agentId}/invocations/export.json")
    @RequiresScope(Scope.INVOCATIONS_READ)
    @ResponseBody
    ResponseEntity<List<InvocationRecordOut>> exportJson(
            ConsoleSession session, @PathVariable UUID agentId, @RequestParam Map<String, String> params) {
        List<InvocationRecordOut> records = export(session, agentId, params).stream()
                .map(r -> InvocationRecordOut.of(r, maxFieldBytes))
                .toList();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("json"))
                .body(records);
    }

    @GetMapping(ConsolePaths.BASE + "/invocations/{id}")
    @RequiresScope(Scope.INVOCATIONS_READ)
    String detail(ConsoleSession session, @PathVariable UUID id, Model model) {
        InvocationRecord record = queries.require(session.principal().tenantId(), id);
        model.addAttribute("record", record);
        model.addAttribute("agent", agents.require(session.principal().tenantId(), record.agentId()));
        model.addAttribute(
                "arguments",
                JsonText.pretty(JsonText.read(record.argumentsJson()).value()));
        model.addAttribute("request", JsonText.read(record.requestJson()).value());
        model.addAttribute("timings", JsonText.read(record.timingsJson()).value());
        model.addAttribute("query", InvocationListQuery.of(Map.of()));
        String curl = null;
        try {
            curl = queries.curl(record);
        } catch (ApiException e) {
            model.addAttribute("curlMissing", e.getMessage());
        }
        model.addAttribute("curl", curl);
        return "console/invocation";
    }

    @GetMapping(ConsolePaths.BASE + "/invocations/{id}/replay")
    @RequiresScope(Scope.TOOLS_INVOKE)
    String confirmReplay(ConsoleSession session, @PathVariable UUID id, Model model) {
        model.addAttribute("record", queries.require(session.principal().tenantId(), id));
        return "console/replay";
    }

    @PostMapping(ConsolePaths.BASE + "/invocations/{id}/replay")
    @RequiresScope(Scope.TOOLS_INVOKE)
    String replay(ConsoleSession session, @PathVariable UUID id, Model model) {
        InvocationOut out = queries.replay(session.principal().tenantId(), id, System.nanoTime());
        model.addAttribute("record", queries.require(session.principal().tenantId(), id));
        model.addAttribute("out", out);
        return "console/replayed";
    }

    private List<InvocationRecord> export(ConsoleSession session, UUID agentId, Map<String, String> params) {
        UUID tenantId = session.principal().tenantId();
        InvocationFilter filter = InvocationListQuery.of(params).filter();
        List<InvocationRecord> all = new ArrayList<>();
        String cursor = null;
        do {
            InvocationQueries.Page page = queries.list(
                    tenantId, agentId, filter, cursor, Math.min(InvocationQueries.MAX_PAGE, MAX_EXPORT - all.size()));
            all.addAll(page.records());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MAX_EXPORT);
        return all;
    }

    private static ResponseEntity<String> download(String body, MediaType type, String extension) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(extension))
                .body(body);
    }

    private static String attachment(String extension) {
        return ContentDisposition.attachment()
                .filename("invocations." + extension)
                .build()
                .toString();
    }
}
