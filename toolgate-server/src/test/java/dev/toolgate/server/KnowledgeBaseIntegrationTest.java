package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.retrieval.Chunk;
import dev.toolgate.knowledge.DocumentFormat;
import dev.toolgate.knowledge.Embedder;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import dev.toolgate.server.knowledge.DocumentStore;
import dev.toolgate.server.knowledge.KnowledgeDocument;
import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.Scope;
import dev.toolgate.server.tenant.TenantStore;
import dev.toolgate.testkit.LoopbackTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Knowledge bases through the REST API (docs/knowledge-base.md): documents uploaded as JSON, multipart files (PDF,
 * DOCX) and fetched from a loopback HTTPS server; their status, chunks and deletion; the limits; tenant isolation;
 * and the {@link KnowledgeSearch} bean a {@code knowledge_base} tool calls.
 */
@SpringBootTest(classes = ToolgateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnowledgeBaseIntegrationTest {

    static final String ADMIN_KEY = "tg_test_bootstrap_admin_key_knowledge_0123";
    static final int MAX_DOCUMENT_BYTES = 200_000;
    static final int MAX_DOCUMENTS = 4;
    static final Duration PROCESSING = Duration.ofSeconds(60);

    private static final LoopbackTls TLS = LoopbackTls.create("knowledge test CA");
    private static final Path CA_PEM = TLS.writeCaPem();
    private static final MockWebServer SITE;

    static {
        try {
            SITE = TLS.startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("toolgate-kb-it");
        registry.add("toolgate.data-dir", dataDir::toString);
        registry.add("toolgate.bootstrap-api-key", () -> ADMIN_KEY);
        registry.add("toolgate.egress.allowlist", () -> "127.0.0.1:" + SITE.getPort());
        registry.add("toolgate.egress.extra-ca", CA_PEM::toString);
        registry.add("toolgate.knowledge.max-document-bytes", () -> "" + MAX_DOCUMENT_BYTES);
        registry.add("toolgate.knowledge.max-documents-per-agent", () -> "" + MAX_DOCUMENTS);
        registry.add("toolgate.knowledge.fetch-budget", () -> "5s");
    }

    @AfterAll
    static void stopSite() {
        SITE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    ApiKeyService keys;

    @Autowired
    TenantStore tenants;

    @Autowired
    DocumentStore store;

    @Autowired
    Embedder embedder;

    @Autowired
    InvalidationBus invalidations;

    ApiClient api;
    String agentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        agentId = api.post(ADMIN_KEY, "/v1/agents", "{\"name\":\"help desk\"}")
                .json()
                .get("id")
                .asString();
    }

    private String documents() {
        return "/v1/agents/" + agentId + "/knowledge/documents";
    }

    private static final String RETURNS = """
            # Returns policy

            ## Refunds

            Refunds are paid back to the original card within 14 days of receiving the parcel.
            Gift cards cannot be refunded.

            ## Opening hours

            The shop is open Monday to Friday from 9:00 to 18:00, and on Saturday until 14:00.
            """;

    private JsonNode addMarkdown(String title, String content) {
        String body = "{\"title\":" + quote(title) + ",\"content\":" + quote(content)
                + ",\"content_type\":\"text/markdown\"}";
        ApiClient.Answer answer = api.post(ADMIN_KEY, documents(), body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        return answer.json();
    }

    private static String quote(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }

    private JsonNode awaitStatus(String documentId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PROCESSING).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.get(ADMIN_KEY, documents() + "/" + documentId).json();
            return !last[0].get("status").asString().equals("processing");
        });
        assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo(status);
        return last[0];
    }

    private ApiClient.Answer upload(String fileName, String mediaType, byte[] bytes, String title) {
        MultipartBody.Builder body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", fileName, RequestBody.create(bytes, MediaType.get(mediaType)));
        if (title != null) {
            body.addFormDataPart("title", title);
        }
        return api.send(
                ADMIN_KEY,
                new Request.Builder().url(api.baseUrl() + documents()).post(body.build()));
    }

    @Test
    void aMarkdownDocumentBecomesReadyIsChunkedByItsHeadingsIsFoundAndIsGoneOnceDeleted() {
        JsonNode created = addMarkdown("Returns", RETURNS);
        assertThat(created.get("status").asString()).isEqualTo("processing");
        assertThat(created.get("content_type").asString()).isEqualTo("text/markdown");
        String id = created.get("id").asString();

        JsonNode ready = awaitStatus(id, "ready");
        assertThat(ready.get("chunk_count").asInt()).isPositive();
        assertThat(ready.get("failure_reason").isNull()).isTrue();

        JsonNode chunks =
                api.get(ADMIN_KEY, documents() + "/" + id + "/chunks").json().get("data");
        assertThat(chunks.size()).isEqualTo(ready.get("chunk_count").asInt());
        assertThat(chunks.get(0).get("section").asString()).startsWith("Returns policy");
        assertThat(chunks.get(0).get("text").asString()).contains("within 14 days");
        assertThat(chunks.get(0).get("token_count").asInt()).isPositive();

        List<KnowledgeHit> hits = search.search(
                ApiKeyService.DEFAULT_TENANT_ID,
                UUID.fromString(agentId),
                "how long until I get my money back?",
                3,
                0.2);
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().documentId()).isEqualTo(id);
        assertThat(hits.getFirst().title()).isEqualTo("Returns");
        assertThat(hits.getFirst().text()).contains("14 days");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, UUID.fromString(agentId), "refund card", 3, 0.99))
                .as("nothing is as close as 0.99")
                .isEmpty();

        assertThat(api.get(ADMIN_KEY, documents()).json().get("data").size()).isEqualTo(1);
        assertThat(api.delete(ADMIN_KEY, documents() + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(ADMIN_KEY, documents() + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(ADMIN_KEY, documents() + "/" + id + "/chunks").status())
                .isEqualTo(404);
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, UUID.fromString(agentId), "refund", 3, 0.0))
                .isEmpty();
    }

    @Test
    void pdfDocxAndHtmlFilesAreReadFromMultipartUploads() throws IOException {
        String pdf = upload("warranty.pdf", "application/pdf", pdf("The warranty lasts two years from purchase."), null)
                .json()
                .get("id")
                .asString();
        ApiClient.Answer docxAnswer = upload(
                "delivery.docx",
                "application/octet-stream",
                docx("Delivery", "Parcels are delivered by courier within three working days."),
                "Delivery times");
        assertThat(docxAnswer.status()).as(docxAnswer.text()).isEqualTo(202);
        assertThat(docxAnswer.json().get("title").asString()).isEqualTo("Delivery times");
        assertThat(docxAnswer.json().get("content_type").asString()).contains("wordprocessingml");
        String html = upload(
                        "parking.html",
                        "text/html",
                        "<h1>Parking</h1><p>Free parking is behind the building.</p><script>x()</script>"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        null)
                .json()
                .get("id")
                .asString();

        assertThat(awaitStatus(pdf, "ready").get("title").asString()).isEqualTo("warranty.pdf");
        awaitStatus(docxAnswer.json().get("id").asString(), "ready");
        awaitStatus(html, "ready");

        UUID agent = UUID.fromString(agentId);
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "how long is the guarantee?", 1, 0.1))
                .singleElement()
                .satisfies(hit -> assertThat(hit.text()).contains("two years"));
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "when will my parcel arrive", 1, 0.1))
                .singleElement()
                .satisfies(hit -> assertThat(hit.text()).startsWith("Delivery").contains("three working days"));
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "where can I park my car", 1, 0.1))
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.text()).contains("behind the building").doesNotContain("x()"));
    }

    @Test
    void aBrokenFileFailsWithAReasonAndIsNeverSearched() {
        String id = upload("broken.pdf", "application/pdf", "%PDF-1.7 not really".getBytes(), null)
                .json()
                .get("id")
                .asString();

        JsonNode failed = awaitStatus(id, "failed");
        assertThat(failed.get("failure_reason").asString()).isEqualTo("the PDF could not be read");
        assertThat(api.get(ADMIN_KEY, documents() + "/" + id + "/chunks")
                        .json()
                        .get("data")
                        .size())
                .isZero();
    }

    @Test
    void oversizedDocumentsAndBodiesAre413AndTheDocumentLimitIs422() {
        String big = "word ".repeat(MAX_DOCUMENT_BYTES / 5 + 1);
        ApiClient.Answer tooLarge =
                api.post(ADMIN_KEY, documents(), "{\"title\":\"big\",\"content\":" + quote(big) + "}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("document_too_large");

        ApiClient.Answer fileTooLarge = upload("big.txt", "text/plain", big.getBytes(), null);
        assertThat(fileTooLarge.status()).isEqualTo(413);
        assertThat(fileTooLarge.json().get("code").asString()).isEqualTo("document_too_large");

        // a body past the document bound plus its envelope is refused on its Content-Length, before it is read
        byte[] huge = new byte[MAX_DOCUMENT_BYTES + 1024 * 1024 + 1];
        ApiClient.Answer bodyTooLarge = api.send(
                ADMIN_KEY,
                new Request.Builder()
                        .url(api.baseUrl() + documents())
                        .post(RequestBody.create(huge, MediaType.get("application/json"))));
        assertThat(bodyTooLarge.status()).isEqualTo(413);
        assertThat(bodyTooLarge.json().get("code").asString()).isEqualTo("payload_too_large");
        assertThat(bodyTooLarge.json().get("detail").asString()).contains("toolgate.knowledge.max-document-bytes");
        // other paths keep the API's 1 MiB bound
        ApiClient.Answer agentTooLarge = api.send(
                ADMIN_KEY,
                new Request.Builder()
                        .url(api.baseUrl() + "/v1/agents")
                        .post(RequestBody.create(new byte[1024 * 1024 + 1], MediaType.get("application/json"))));
        assertThat(agentTooLarge.status()).isEqualTo(413);

        for (int i = 0; i < MAX_DOCUMENTS; i++) {
            addMarkdown("doc " + i, "Paragraph number " + i + ".");
        }
        ApiClient.Answer tooMany = api.post(ADMIN_KEY, documents(), "{\"title\":\"one more\",\"content\":\"x\"}");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("too_many_documents");
    }

    @Test
    void badDocumentsAreRefusedAtOnceWithTheFieldNamed() {
        ApiClient.Answer neither = api.post(ADMIN_KEY, documents(), "{\"title\":\"t\"}");
        assertThat(neither.status()).isEqualTo(422);
        assertThat(neither.json().get("errors").toString()).contains("content").contains("url");

        ApiClient.Answer noTitle = api.post(ADMIN_KEY, documents(), "{\"content\":\"text\"}");
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");

        ApiClient.Answer type = api.post(
                ADMIN_KEY, documents(), "{\"title\":\"t\",\"content\":\"x\",\"content_type\":\"application/pdf\"}");
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.json().get("code").asString()).isEqualTo("unsupported_document_type");

        ApiClient.Answer image = upload("photo.png", "image/png", new byte[] {1, 2, 3}, null);
        assertThat(image.status()).isEqualTo(422);
        assertThat(image.json().get("code").asString()).isEqualTo("unsupported_document_type");

        ApiClient.Answer plainHttp =
                api.post(ADMIN_KEY, documents(), "{\"title\":\"t\",\"url\":\"http://example.com/\"}");
        assertThat(plainHttp.status()).isEqualTo(422);
        assertThat(plainHttp.json().get("errors").get(0).get("field").asString())
                .isEqualTo("url");

        ApiClient.Answer privateAddress =
                api.post(ADMIN_KEY, documents(), "{\"title\":\"t\",\"url\":\"https://10.0.0.1/doc\"}");
        assertThat(privateAddress.status()).isEqualTo(422);

        assertThat(api.get(ADMIN_KEY, documents()).json().get("data").size()).isZero();
    }

    @Test
    void aDocumentIsFetchedFromAnHttpsUrlUnderTheEgressPolicy() {
        SITE.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><body><h1>Holidays</h1><p>The office is closed between Christmas and New Year.</p>"
                        + "</body></html>")
                .build());
        String url = "https://127.0.0.1:" + SITE.getPort() + "/holidays";
        ApiClient.Answer created =
                api.post(ADMIN_KEY, documents(), "{\"title\":\"Holidays\",\"url\":" + quote(url) + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(202);

        JsonNode ready = awaitStatus(created.json().get("id").asString(), "ready");
        assertThat(ready.get("source_url").asString()).isEqualTo(url);
        assertThat(ready.get("content_type").asString()).isEqualTo("text/html");
        assertThat(ready.get("size_bytes").asLong()).isPositive();
        assertThat(search.search(
                        ApiKeyService.DEFAULT_TENANT_ID,
                        UUID.fromString(agentId),
                        "are you open at christmas?",
                        1,
                        0.1))
                .singleElement()
                .satisfies(hit -> assertThat(hit.text()).contains("closed between Christmas"));

        SITE.enqueue(new MockResponse.Builder().code(404).body("nope").build());
        ApiClient.Answer missing = api.post(ADMIN_KEY, documents(), "{\"title\":\"gone\",\"url\":" + quote(url) + "}");
        JsonNode failed = awaitStatus(missing.json().get("id").asString(), "failed");
        assertThat(failed.get("failure_reason").asString()).isEqualTo("127.0.0.1:" + SITE.getPort() + " answered 404");

        SITE.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "https://127.0.0.1:" + SITE.getPort() + "/elsewhere")
                .build());
        ApiClient.Answer redirected =
                api.post(ADMIN_KEY, documents(), "{\"title\":\"moved\",\"url\":" + quote(url) + "}");
        assertThat(awaitStatus(redirected.json().get("id").asString(), "failed")
                        .get("failure_reason")
                        .asString())
                .contains("redirect, not followed");
    }

    @Test
    void anotherTenantNeitherSeesNorSearchesTheDocuments() {
        String id = addMarkdown("Returns", RETURNS).get("id").asString();
        awaitStatus(id, "ready");
        UUID otherTenant = tenants.create("other shop").id();
        String otherKey = keys.createKey(otherTenant, "admin", EnumSet.of(Scope.ADMIN), ApiKeyService.generateKey())
                .key();

        assertThat(api.get(otherKey, documents()).status()).isEqualTo(404);
        assertThat(api.get(otherKey, documents() + "/" + id).status()).isEqualTo(404);
        assertThat(api.delete(otherKey, documents() + "/" + id).status()).isEqualTo(404);
        assertThat(api.post(otherKey, documents(), "{\"title\":\"x\",\"content\":\"y\"}")
                        .status())
                .isEqualTo(404);
        assertThat(search.search(otherTenant, UUID.fromString(agentId), "refund", 5, 0.0))
                .isEmpty();
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, UUID.fromString(agentId), "refund", 5, 0.0))
                .isNotEmpty();

        String readOnly = keys.createKey(
                        ApiKeyService.DEFAULT_TENANT_ID,
                        "ro",
                        EnumSet.of(Scope.TOOLS_READ),
                        ApiKeyService.generateKey())
                .key();
        assertThat(api.get(readOnly, documents()).status()).isEqualTo(200);
        assertThat(api.post(readOnly, documents(), "{\"title\":\"x\",\"content\":\"y\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDocumentMadeReadyByAnotherInstanceIsSearchedOnceItsEventArrives() {
        UUID agent = UUID.fromString(agentId);
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "where can I park?", 3, 0.0))
                .isEmpty();
        // another instance reads a document into the shared database ...
        KnowledgeDocument document = store.create(
                new KnowledgeDocument.Owner(ApiKeyService.DEFAULT_TENANT_ID, agent),
                new KnowledgeDocument.Source("Parking", DocumentFormat.MARKDOWN, null, 60));
        String text = "Parking\n\nFree parking is behind the building, entrance on Elm Street.";
        assertThat(store.ready(
                        document.id(),
                        List.of(new Chunk(0, "Parking", text, embedder.countTokens(text))),
                        List.of(embedder.embed(text))))
                .isTrue();
        // ... and until its event arrives this instance trusts its index (it checked it just now)
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "where can I park?", 3, 0.0))
                .isEmpty();

        invalidations.publish(new InvalidationEvent.KnowledgeChanged(ApiKeyService.DEFAULT_TENANT_ID, agent));

        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "where can I park?", 3, 0.0))
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.documentId()).isEqualTo(document.id().toString()));
        // a deletion on another instance, announced the same way, takes it out again
        assertThat(store.delete(ApiKeyService.DEFAULT_TENANT_ID, agent, document.id()))
                .isTrue();
        invalidations.publish(new InvalidationEvent.KnowledgeChanged(ApiKeyService.DEFAULT_TENANT_ID, agent));
        assertThat(search.search(ApiKeyService.DEFAULT_TENANT_ID, agent, "where can I park?", 3, 0.0))
                .isEmpty();
    }

    private static byte[] pdf(String line) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String heading, String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var title = document.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(heading);
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
            return out.toByteArray();
        }
    }
}
