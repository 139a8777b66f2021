package dev.toolgate.server.console;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.RequiresScope;
import dev.toolgate.server.tenant.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The docs/*.md pages inside the console, rendered by {@link DocsRenderer} from the copies the build puts in the jar
 * ({@code classpath:console/docs/}), so the console shows the docs of the version it runs. Any key may read them
 * (they are the project's public documentation), but only when signed in, like every console page.
 */
@Controller
@BrowserSession
@Hidden
class DocsPages {

    /** A page name: the file name without {@code .md}. */
    static final Pattern PAGE = Pattern.compile("^[a-z0-9-]{1,64}$");

    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    /**
     * One page of the index.
     *
     * @param name the page name ({@code errors})
     * @param title its first heading
     */
    public record Page(String name, String title) {}

    @GetMapping(ConsolePaths.BASE + "/docs")
    @RequiresScope(Scope.TOOLS_READ)
    String index(Model model) {
        List<Page> pages = new ArrayList<>();
        for (Resource resource : resources()) {
            String name = resource.getFilename().replaceFirst("\\.md$", "");
            pages.add(new Page(name, DocsRenderer.title(read(resource), name)));
        }
        pages.sort(Comparator.comparing(Page::title));
        model.addAttribute("pages", pages);
        return "console/docs";
    }

    @GetMapping(ConsolePaths.BASE + "/docs/{name}")
    @RequiresScope(Scope.TOOLS_READ)
    String page(@PathVariable String name, Model model) {
        if (!PAGE.matcher(name).matches()) {
            throw ApiException.notFound("page");
        }
        Resource resource =
                new PathMatchingResourcePatternResolver().getResource("classpath:console/docs/" + name + ".md");
        if (!resource.exists()) {
            throw ApiException.notFound("page");
        }
        String markdown = read(resource);
        model.addAttribute("title", DocsRenderer.title(markdown, name));
        model.addAttribute("html", rendered.computeIfAbsent(name, n -> DocsRenderer.render(markdown)));
        return "console/doc";
    }

    private static Resource[] resources() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:console/docs/*.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
